import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { authTypeLabel } from '../../../local/engine/auth-type-label.js';
import { createFieldAuthorizer } from '../../../local/auth/field-authorizer.js';
import type { AuthContext } from '../../../local/auth/types.js';
import type { AuthenticationConfig, AuthType } from '../../../local/definition/types.js';

const PRELUDE = readFileSync(new URL('../../../schema/appsync.graphql', import.meta.url), 'utf8');

/** Schema S of appsync-graphql-engine.md §7, plus fields for each directive combination. */
const schema = buildSchema(`${PRELUDE}
type Query {
  getPost(id: ID!): Post
  listPosts: [Post]
  secret: String @aws_iam
  multi: String @aws_api_key @aws_iam @aws_oidc @aws_lambda
  admins: String @aws_cognito_user_pools(cognito_groups: ["admin"])
  anyUser: String @aws_cognito_user_pools
  legacy: String @aws_auth(cognito_groups: ["ops"])
  comment: Comment @aws_oidc
}
type Post @aws_api_key @aws_cognito_user_pools {
  id: ID!
  title: String
  adminNote: String @aws_cognito_user_pools(cognito_groups: ["admin", "editors"])
}
type Comment @aws_oidc { text: String }
extend type Comment @aws_lambda
type Mutation { addPost(title: String!): Post @aws_iam }
type Subscription {
  onAddPost: Post @aws_subscribe(mutations: ["addPost"]) @aws_api_key @aws_cognito_user_pools
}
`);

function caller(type: AuthType, groups: string[] | null = null): AuthContext {
  return { type, identity: type === 'AMAZON_COGNITO_USER_POOLS' ? { sub: 's', groups } : null, deniedFields: [] };
}
const CALLERS = {
  key: caller('API_KEY'),
  iam: caller('AWS_IAM'),
  user: caller('AMAZON_COGNITO_USER_POOLS'),
  admin: caller('AMAZON_COGNITO_USER_POOLS', ['admin']),
  ops: caller('AMAZON_COGNITO_USER_POOLS', ['ops', 'staff']),
  oidc: caller('OPENID_CONNECT'),
  lambda: caller('AWS_LAMBDA'),
};
type CallerName = keyof typeof CALLERS;

/** For each `Type.field`, the callers allowed to read it, among the callers of the configured modes. */
function allowedCallers(config: AuthenticationConfig, fields: string[]): Record<string, CallerName[]> {
  const authorizer = createFieldAuthorizer(schema, config);
  const configured = new Set([config.default, ...(config.additional ?? [])].map((mode) => mode.type));
  const callers = (Object.keys(CALLERS) as CallerName[]).filter((name) => configured.has(CALLERS[name].type));
  return Object.fromEntries(
    fields.map((coordinate) => {
      const [typeName = '', fieldName = ''] = coordinate.split('.');
      const names = callers.filter((name) => authorizer.isAllowed(typeName, fieldName, CALLERS[name]));
      return [coordinate, names];
    }),
  );
}

const ALL_ADDITIONAL: AuthenticationConfig['additional'] = [
  { type: 'AWS_IAM' },
  { type: 'AMAZON_COGNITO_USER_POOLS' },
  { type: 'OPENID_CONNECT', issuer: 'https://issuer.example' },
  { type: 'AWS_LAMBDA', function: 'authorizer' },
];
const FIELDS = [
  'Query.getPost',
  'Query.listPosts',
  'Query.secret',
  'Query.multi',
  'Query.admins',
  'Query.anyUser',
  'Query.legacy',
  'Query.comment',
  'Post.id',
  'Post.title',
  'Post.adminNote',
  'Comment.text',
  'Mutation.addPost',
  'Subscription.onAddPost',
  'Query.__typename',
  'Query.__schema',
  '__Schema.types',
  'Query.missing',
  'Missing.field',
];

// spec: appsync-graphql-engine.md §3.3 rules 1-7, 9; conformance items 57-63; appsync-realtime.md §5
describe('createFieldAuthorizer', () => {
  it('combines directives as AppSync does, with API_KEY as the default mode', () => {
    expect(allowedCallers({ default: { type: 'API_KEY' }, additional: ALL_ADDITIONAL }, FIELDS)).toEqual({
      // Rule 1: no directive on field or type → the default mode only (items 59-61).
      'Query.getPost': ['key'],
      'Query.listPosts': ['key'],
      // Rule 4: a field's directives form an allow-list (items 57-58).
      'Query.secret': ['iam'],
      'Query.multi': ['key', 'iam', 'oidc', 'lambda'],
      // Rule 6: group lists must meet the token's cognito:groups; without a list, any user.
      'Query.admins': ['admin'],
      'Query.anyUser': ['user', 'admin', 'ops'],
      'Query.legacy': ['ops'],
      'Query.comment': ['oidc'],
      // Rule 2: the type's directives apply to fields without their own; the default is not implied.
      'Post.id': ['key', 'user', 'admin', 'ops'],
      'Post.title': ['key', 'user', 'admin', 'ops'],
      // Rule 3: the field's directives replace the type's (item 62, 63).
      'Post.adminNote': ['admin'],
      // Directives of type extensions count like the type's own.
      'Comment.text': ['oidc', 'lambda'],
      'Mutation.addPost': ['iam'],
      'Subscription.onAddPost': ['key', 'user', 'admin', 'ops'],
      // Rule 9 (unconfirmed): introspection is never restricted.
      'Query.__typename': ['key', 'iam', 'user', 'admin', 'ops', 'oidc', 'lambda'],
      'Query.__schema': ['key', 'iam', 'user', 'admin', 'ops', 'oidc', 'lambda'],
      '__Schema.types': ['key', 'iam', 'user', 'admin', 'ops', 'oidc', 'lambda'],
      'Query.missing': [],
      'Missing.field': [],
    });
  });

  it('lets a Cognito default with ALLOW reach fields without directives', () => {
    expect(
      allowedCallers({ default: { type: 'AMAZON_COGNITO_USER_POOLS', defaultAction: 'ALLOW' }, additional: [{ type: 'API_KEY' }, { type: 'AWS_IAM' }] }, [
        'Query.getPost',
        'Post.title',
        'Post.adminNote',
        'Query.secret',
      ]),
    ).toEqual({
      'Query.getPost': ['user', 'admin', 'ops'],
      'Post.title': ['key', 'user', 'admin', 'ops'],
      'Post.adminNote': ['admin'],
      'Query.secret': ['iam'],
    });
  });

  // Rule 7 (unconfirmed in detail): with DENY only fields that name Cognito explicitly are reachable.
  it('grants a Cognito default with DENY nothing implicitly', () => {
    expect(
      allowedCallers({ default: { type: 'AMAZON_COGNITO_USER_POOLS', defaultAction: 'DENY' } }, [
        'Query.getPost',
        'Query.admins',
        'Query.anyUser',
        'Query.legacy',
        'Post.title',
      ]),
    ).toEqual({
      'Query.getPost': [],
      'Query.admins': ['admin'],
      'Query.anyUser': ['user', 'admin', 'ops'],
      'Query.legacy': ['ops'],
      'Post.title': ['user', 'admin', 'ops'],
    });
  });

  it('treats an IAM default like any other default mode', () => {
    expect(allowedCallers({ default: { type: 'AWS_IAM' }, additional: [{ type: 'API_KEY' }] }, ['Query.getPost', 'Post.title', 'Query.secret'])).toEqual({
      'Query.getPost': ['iam'],
      'Post.title': ['key'],
      'Query.secret': ['iam'],
    });
  });
});

// spec: appsync-js-runtime.md §1.3, appsync-graphql-engine.md §3.8 (item 72)
describe('authTypeLabel', () => {
  it('returns the util.authType() string of each mode', () => {
    const types: AuthType[] = ['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'];
    expect(types.map(authTypeLabel)).toEqual([
      'API Key Authorization',
      'IAM Authorization',
      'User Pool Authorization',
      'Open ID Connect Authorization',
      'Lambda Authorization',
    ]);
  });
});
