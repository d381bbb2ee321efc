/**
 * Field-level authorization in the engine: the auth layer's `FieldAuthorizer` decides, the engine answers
 * AppSync's Unauthorized field error, skips the resolver and propagates nulls; `deniedFields` too.
 * Spec: shared/spec/appsync-graphql-engine.md §3.3-3.4, §5.3, §7 items 57, 59-62, 64-65, 73.
 */
import { describe, expect, it } from 'vitest';
import type { AuthContext, FieldAuthorizer } from '../../../local/auth/types.js';
import { fakeCode } from './support/fake-resolver-code.js';
import { noneDataSource } from './support/fake-data-source.js';
import { SCHEMA_S, engineFor, request } from './support/engine-fixture.js';

/** A directive-rule stand-in: denies the listed `Type.field`s to API key callers. */
function denyToApiKey(...fields: string[]): FieldAuthorizer {
  return { isAllowed: (typeName, fieldName, auth) => !(auth.type === 'API_KEY' && fields.includes(`${typeName}.${fieldName}`)) };
}

const post = { id: '1', title: 'hello', adminNote: 'secret note' };

function engineWith(fieldAuthorizer: FieldAuthorizer) {
  const getPost = fakeCode({ request: () => ({ payload: post }), response: (ctx) => ctx.result });
  const secret = fakeCode({ request: () => ({ payload: 'classified' }), response: (ctx) => ctx.result });
  const engine = engineFor(SCHEMA_S, {
    fieldAuthorizer,
    resolvers: {
      'Query.getPost': { kind: 'UNIT', dataSource: noneDataSource(), code: getPost },
      'Query.secret': { kind: 'UNIT', dataSource: noneDataSource(), code: secret },
    },
  });
  return { engine, secret };
}

const unauthorized = (path: Array<string | number>, column: number, field: string, type: string) => ({
  path,
  data: null,
  errorType: 'Unauthorized',
  errorInfo: null,
  locations: [{ line: 1, column, sourceName: null }],
  message: `Not Authorized to access ${field} on type ${type}`,
});

describe('field authorization', () => {
  it('nulls a denied root field with AppSync\'s error, without running its resolver (spec §7 item 57)', async () => {
    const { engine, secret } = engineWith(denyToApiKey('Query.secret'));
    const outcome = await engine.execute(request('{ secret }'));
    expect(JSON.stringify(outcome.body)).toBe(
      '{"data":{"secret":null},"errors":[{"path":["secret"],"data":null,"errorType":"Unauthorized","errorInfo":null,"locations":[{"line":1,"column":3,"sourceName":null}],"message":"Not Authorized to access secret on type Query"}]}',
    );
    expect(secret.calls).toEqual([]);
  });

  it('lets another mode through (spec §7 item 58)', async () => {
    const { engine } = engineWith(denyToApiKey('Query.secret'));
    const iam: AuthContext = { type: 'AWS_IAM', identity: { accountId: '1' }, deniedFields: [] };
    expect((await engine.execute(request('{ secret }', { auth: iam }))).body).toEqual({ data: { secret: 'classified' } });
  });

  it('checks nested fields on their object type, keeping partial data (spec §7 item 62, §5.3)', async () => {
    const { engine } = engineWith(denyToApiKey('Post.adminNote'));
    expect((await engine.execute(request('{ a: getPost(id: "1") { id adminNote } b: noResolver }'))).body).toEqual({
      data: { a: { id: '1', adminNote: null }, b: null },
      errors: [unauthorized(['a', 'adminNote'], 28, 'adminNote', 'Post')],
    });
  });

  it('propagates a denied non-null field to its parent with exactly one error (spec §7 item 64)', async () => {
    const { engine } = engineWith(denyToApiKey('Post.id'));
    expect((await engine.execute(request('{ getPost(id: "1") { id title } }'))).body).toEqual({
      data: { getPost: null },
      errors: [unauthorized(['getPost', 'id'], 22, 'id', 'Post')],
    });
  });

  it('forces Lambda authorizer deniedFields to null, even when a resolver returned a value (spec §3.4, §7 item 65)', async () => {
    const { engine, secret } = engineWith({ isAllowed: () => true });
    const lambdaAuth: AuthContext = { type: 'AWS_LAMBDA', identity: { resolverContext: {} }, deniedFields: ['Post.title', 'Query.secret'] };
    // The developer guide: "forcibly changed to null, even if a value was returned from a resolver"; no
    // error entry is added (unconfirmed).
    expect((await engine.execute(request('{ getPost(id: "1") { id title } secret }', { auth: lambdaAuth }))).body).toEqual({
      data: { getPost: { id: '1', title: null }, secret: null },
    });
    expect(secret.calls.map((call) => call.handler)).toEqual(['request', 'response']);
  });

  it('propagates a denied non-null field as a non-null violation', async () => {
    const { engine } = engineWith({ isAllowed: () => true });
    const lambdaAuth: AuthContext = { type: 'AWS_LAMBDA', identity: { resolverContext: {} }, deniedFields: ['Post.id'] };
    expect((await engine.execute(request('{ getPost(id: "1") { id } }', { auth: lambdaAuth }))).body).toEqual({
      data: { getPost: null },
      errors: [{ path: ['getPost', 'id'], locations: null, message: "Cannot return null for non-nullable type: 'ID' within parent 'Post' (/getPost/id)" }],
    });
  });

  it('never asks about introspection fields (spec §3.3 rule 9, §7 item 73)', async () => {
    const asked: string[] = [];
    const { engine } = engineWith({
      isAllowed: (typeName, fieldName) => {
        asked.push(`${typeName}.${fieldName}`);
        return false;
      },
    });
    expect((await engine.execute(request('{ __typename __schema { queryType { name } } }'))).body).toEqual({
      data: { __typename: 'Query', __schema: { queryType: { name: 'Query' } } },
    });
    expect(asked).toEqual([]);
  });
});
