import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthenticator } from '../../../local/auth/authenticator.js';
import type { InvokeLambda, LambdaAuthorizerEvent } from '../../../local/auth/lambda-authorizer.js';
import type { AuthenticationOutcome } from '../../../local/auth/types.js';
import type { LambdaAuthConfig } from '../../../local/definition/types.js';
import { graphqlRequest } from '../../fixtures/auth/requests.js';

const API_ID = 'localapi0000000000000000';
const ACCOUNT = '123456789012';
const DENIED: AuthenticationOutcome = { ok: false, errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fake authorizer function: records events and answers with `answer(event)`. */
function fakeAuthorizer(answer: (event: LambdaAuthorizerEvent) => { result: unknown } | { error: unknown } | Promise<never>) {
  const calls: Array<{ functionName: string; event: LambdaAuthorizerEvent }> = [];
  const invoke: InvokeLambda = async (functionName, event) => {
    calls.push({ functionName, event });
    return answer(event);
  };
  return { invoke, calls };
}

function lambdaAuthenticator(invoke: InvokeLambda, config: Partial<LambdaAuthConfig> = {}, clock = { now: Date.parse('2026-11-23T12:00:00Z') }) {
  return createAuthenticator(
    { default: { type: 'AWS_LAMBDA', function: 'authorizer', ...config } },
    { lambda: { invoke, apiId: API_ID, accountId: ACCOUNT }, now: () => clock.now },
  );
}

afterEach(() => {
  vi.useRealTimers();
});

// spec: appsync-graphql-engine.md §3.4, conformance items 52-56, 65-67
describe('AWS_LAMBDA mode', () => {
  it("sends AppSync's authorizer event and exposes resolverContext and deniedFields", async () => {
    const authorizer = fakeAuthorizer(() => ({
      result: {
        isAuthorized: true,
        resolverContext: { userId: 'u1', role: 'admin' },
        deniedFields: [
          'Post.title',
          `arn:aws:appsync:us-east-1:${ACCOUNT}:apis/${API_ID}/types/Query/fields/secret`,
          `arn:aws:appsync:us-east-1:${ACCOUNT}:apis/otherapi/types/Query/fields/ignored`,
          'not a field',
          42,
        ],
      },
    }));
    const request = graphqlRequest(
      { authorization: 'custom-token-1', 'x-custom': 'yes' },
      { graphql: { query: 'query Q($id: ID!) { getPost(id: $id) { id } }', operationName: 'Q', variables: { id: '1' } } },
    );
    expect(await lambdaAuthenticator(authorizer.invoke).authenticate(request)).toEqual({
      ok: true,
      auth: { type: 'AWS_LAMBDA', identity: { resolverContext: { userId: 'u1', role: 'admin' } }, deniedFields: ['Post.title', 'Query.secret'] },
    });
    expect(authorizer.calls).toEqual([
      {
        functionName: 'authorizer',
        event: {
          authorizationToken: 'custom-token-1',
          requestContext: {
            apiId: API_ID,
            accountId: ACCOUNT,
            requestId: expect.stringMatching(UUID),
            queryString: 'query Q($id: ID!) { getPost(id: $id) { id } }',
            operationName: 'Q',
            variables: { id: '1' },
          },
          requestHeaders: { authorization: 'custom-token-1', 'x-custom': 'yes' },
        },
      },
    ]);
  });

  it('omits operationName and sends empty variables when the request has none; resolverContext defaults to {}', async () => {
    const authorizer = fakeAuthorizer(() => ({ result: { isAuthorized: true } }));
    const outcome = await lambdaAuthenticator(authorizer.invoke).authenticate(graphqlRequest({ authorization: 't' }));
    expect(outcome).toEqual({ ok: true, auth: { type: 'AWS_LAMBDA', identity: { resolverContext: {} }, deniedFields: [] } });
    expect(authorizer.calls[0]?.event.requestContext).toEqual({
      apiId: API_ID,
      accountId: ACCOUNT,
      requestId: expect.stringMatching(UUID),
      queryString: '{ noResolver }',
      variables: {},
    });
  });

  it('refuses with 401 when the authorizer answers isAuthorized: false (item 52)', async () => {
    const authorizer = fakeAuthorizer(() => ({ result: { isAuthorized: false } }));
    expect(await lambdaAuthenticator(authorizer.invoke).authenticate(graphqlRequest({ authorization: 't' }))).toEqual(DENIED);
  });

  it.each([
    ['the function fails', { error: new Error('boom') }],
    ['the answer has no boolean isAuthorized', { result: { isAuthorized: 'yes' } }],
    ['the answer is not an object', { result: 'true' }],
  ])('refuses with 401 when %s (spec §3.4, unconfirmed)', async (_label, answer) => {
    const authorizer = fakeAuthorizer(() => answer);
    expect(await lambdaAuthenticator(authorizer.invoke).authenticate(graphqlRequest({ authorization: 't' }))).toEqual(DENIED);
  });

  it('refuses with 401 when the function does not answer within 10 s', async () => {
    vi.useFakeTimers();
    const authorizer = fakeAuthorizer(() => new Promise<never>(() => {}));
    const pending = lambdaAuthenticator(authorizer.invoke).authenticate(graphqlRequest({ authorization: 't' }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await pending).toEqual(DENIED);
  });

  it('attack: a token not matching identityValidationExpression is refused without invoking the function (item 53)', async () => {
    const authorizer = fakeAuthorizer(() => ({ result: { isAuthorized: true } }));
    const authenticator = lambdaAuthenticator(authorizer.invoke, { identityValidationExpression: 'tok-[0-9]+' });
    expect(await authenticator.authenticate(graphqlRequest({ authorization: 'tok-12x' }))).toEqual(DENIED);
    expect(await authenticator.authenticate(graphqlRequest({ authorization: 'xtok-12' }))).toEqual(DENIED);
    expect(authorizer.calls).toEqual([]);
    expect((await authenticator.authenticate(graphqlRequest({ authorization: 'tok-12' }))).ok).toBe(true);
    expect(authorizer.calls).toHaveLength(1);
  });

  it('attack: an oversize token (over 2048 characters) is refused without invoking the function', async () => {
    const authorizer = fakeAuthorizer(() => ({ result: { isAuthorized: true } }));
    expect(await lambdaAuthenticator(authorizer.invoke).authenticate(graphqlRequest({ authorization: 'a'.repeat(2049) }))).toEqual(DENIED);
    expect(authorizer.calls).toEqual([]);
  });
});

describe('AWS_LAMBDA mode: result cache', () => {
  const clock = { now: 0 };
  const request = (token: string) => graphqlRequest({ authorization: token });

  it('caches per token for ttlOverride seconds (item 54)', async () => {
    clock.now = 1_000_000;
    const authorizer = fakeAuthorizer((event) => ({ result: { isAuthorized: true, ttlOverride: 60, resolverContext: { token: event.authorizationToken } } }));
    const authenticator = lambdaAuthenticator(authorizer.invoke, { resultsCacheTtlSeconds: 5 }, clock);
    await authenticator.authenticate(request('a'));
    clock.now += 59_000;
    expect(await authenticator.authenticate(request('a'))).toEqual({
      ok: true,
      auth: { type: 'AWS_LAMBDA', identity: { resolverContext: { token: 'a' } }, deniedFields: [] },
    });
    await authenticator.authenticate(request('b'));
    expect(authorizer.calls.map((call) => call.event.authorizationToken)).toEqual(['a', 'b']);
    clock.now += 1_000;
    await authenticator.authenticate(request('a'));
    expect(authorizer.calls.map((call) => call.event.authorizationToken)).toEqual(['a', 'b', 'a']);
  });

  it('does not cache with ttlOverride 0 (item 55)', async () => {
    const authorizer = fakeAuthorizer(() => ({ result: { isAuthorized: true, ttlOverride: 0 } }));
    const authenticator = lambdaAuthenticator(authorizer.invoke, {}, clock);
    await authenticator.authenticate(request('a'));
    await authenticator.authenticate(request('a'));
    expect(authorizer.calls).toHaveLength(2);
  });

  it('uses resultsCacheTtlSeconds without ttlOverride, and caches denials too', async () => {
    clock.now = 5_000_000;
    const authorizer = fakeAuthorizer(() => ({ result: { isAuthorized: false } }));
    const authenticator = lambdaAuthenticator(authorizer.invoke, { resultsCacheTtlSeconds: 10 }, clock);
    expect(await authenticator.authenticate(request('a'))).toEqual(DENIED);
    clock.now += 9_999;
    expect(await authenticator.authenticate(request('a'))).toEqual(DENIED);
    expect(authorizer.calls).toHaveLength(1);
    clock.now += 1;
    await authenticator.authenticate(request('a'));
    expect(authorizer.calls).toHaveLength(2);
  });

  it('does not cache failures of the function', async () => {
    const authorizer = fakeAuthorizer(() => ({ error: new Error('cold start failed') }));
    const authenticator = lambdaAuthenticator(authorizer.invoke, {}, clock);
    await authenticator.authenticate(request('a'));
    await authenticator.authenticate(request('a'));
    expect(authorizer.calls).toHaveLength(2);
  });

  it('defaults to a 300 s cache and caps ttlOverride at 3600 s', async () => {
    clock.now = 9_000_000;
    const authorizer = fakeAuthorizer((event) => ({ result: { isAuthorized: true, ...(event.authorizationToken === 'long' ? { ttlOverride: 86_400 } : {}) } }));
    const authenticator = lambdaAuthenticator(authorizer.invoke, {}, clock);
    await authenticator.authenticate(request('default'));
    await authenticator.authenticate(request('long'));
    clock.now += 299_000;
    await authenticator.authenticate(request('default'));
    clock.now += 1_000;
    await authenticator.authenticate(request('default'));
    clock.now += 3_300_000;
    await authenticator.authenticate(request('long'));
    expect(authorizer.calls.map((call) => call.event.authorizationToken)).toEqual(['default', 'long', 'default', 'long']);
  });
});
