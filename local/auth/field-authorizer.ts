/**
 * `createFieldAuthorizer`: which auth modes may read each field, from AppSync's auth directives
 * (`@aws_api_key`, `@aws_iam`, `@aws_oidc`, `@aws_lambda`, `@aws_cognito_user_pools(cognito_groups:)`,
 * legacy `@aws_auth(cognito_groups:)`) on object types and fields.
 * Spec: shared/spec/appsync-graphql-engine.md §2.3, §3.3 (rules 1-7, 9); appsync-realtime.md §5.
 *
 * The Lambda authorizer's `deniedFields` (rule 8) are not decided here: the resolver still runs and the
 * engine nulls those fields, reading `auth.deniedFields`.
 */
import { isObjectType, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import type { AuthenticationConfig, AuthType } from '../definition/types.js';
import type { AuthContext, FieldAuthorizer } from './types.js';

/** One entry of an allow-list: a mode, and for Cognito optionally the groups it is limited to. */
interface AuthRule {
  type: AuthType;
  /** Cognito only: `undefined` = any user of the pool; otherwise at least one of these groups. */
  groups?: string[];
}

const DIRECTIVE_MODES: Record<string, AuthType> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
};

/** `null`: no directive on the field nor on its type, so only the default mode applies (rule 1). */
type FieldRules = AuthRule[] | null;

export function createFieldAuthorizer(schema: GraphQLSchema, config: AuthenticationConfig): FieldAuthorizer {
  const rulesByField = new Map<string, FieldRules | undefined>();
  const defaultMode = config.default;
  const cognitoDefaultDenies = defaultMode.type === 'AMAZON_COGNITO_USER_POOLS' && defaultMode.defaultAction === 'DENY';

  function rulesFor(typeName: string, fieldName: string): FieldRules | undefined {
    const key = `${typeName}.${fieldName}`;
    if (!rulesByField.has(key)) rulesByField.set(key, readRules(schema, typeName, fieldName));
    return rulesByField.get(key);
  }

  return {
    isAllowed(typeName: string, fieldName: string, auth: AuthContext): boolean {
      // Rule 9 (unconfirmed): introspection is not subject to auth directives.
      if (fieldName.startsWith('__') || typeName.startsWith('__')) return true;
      const rules = rulesFor(typeName, fieldName);
      if (rules === undefined) return false;
      if (rules === null) {
        // Rules 1 and 7: the default mode only; a Cognito default with DENY grants nothing implicitly.
        return auth.type === defaultMode.type && !(auth.type === 'AMAZON_COGNITO_USER_POOLS' && cognitoDefaultDenies);
      }
      // Rules 4 and 6: any matching entry passes; Cognito group lists must meet the token's groups.
      const userGroups = cognitoGroups(auth);
      return rules.some(
        (rule) => rule.type === auth.type && (rule.groups === undefined || rule.groups.some((group) => userGroups.includes(group))),
      );
    },
  };
}

/**
 * Rules 2 and 3: the field's own directives replace its type's; the type's apply to fields without
 * any. `undefined` when the schema has no such object field.
 */
function readRules(schema: GraphQLSchema, typeName: string, fieldName: string): FieldRules | undefined {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return undefined;
  const field = type.getFields()[fieldName];
  if (!field) return undefined;
  const fieldRules = rulesOf(field.astNode?.directives ?? []);
  if (fieldRules.length > 0) return fieldRules;
  const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
  const typeRules = rulesOf(typeDirectives);
  return typeRules.length > 0 ? typeRules : null;
}

function rulesOf(directives: readonly ConstDirectiveNode[]): AuthRule[] {
  return directives.flatMap((directive): AuthRule[] => {
    const type = DIRECTIVE_MODES[directive.name.value];
    if (type === undefined) return [];
    const groups = cognitoGroupsArgument(directive);
    return [groups === undefined ? { type } : { type, groups }];
  });
}

function cognitoGroupsArgument(directive: ConstDirectiveNode): string[] | undefined {
  const argument = directive.arguments?.find((arg) => arg.name.value === 'cognito_groups');
  if (!argument) return undefined;
  const value = argument.value;
  if (value.kind === 'ListValue') return value.values.flatMap((item) => (item.kind === 'StringValue' ? [item.value] : []));
  if (value.kind === 'StringValue') return [value.value];
  return undefined;
}

/** The caller's Cognito groups (`identity.groups`, spec §3.8); empty for other modes. */
function cognitoGroups(auth: AuthContext): string[] {
  if (auth.type !== 'AMAZON_COGNITO_USER_POOLS') return [];
  const identity = auth.identity as { groups?: unknown } | null;
  return Array.isArray(identity?.groups) ? identity.groups.map(String) : [];
}
