/**
 * Every auth mode over real HTTP, against the local server (fixture: test/fixtures/auth/api): real
 * Cognito tokens from the local issuer, a real OIDC provider on 127.0.0.1, real SigV4 signatures
 * (@smithy/signature-v4), a real Lambda authorizer run by the local Lambda runtime.
 * Spec: appsync-graphql-engine.md §3 and conformance items 44-72.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_FUNCTION_PRINCIPAL } from '../../../local/app.js';
import { loadLocalUserPool, subjectFor, type LocalUserPool } from '../../../local/auth/local-user-pool.js';
import { authFixtureDefinition } from '../../fixtures/auth/api/definition.js';
import { decodePayload, foreignSigner } from '../../fixtures/auth/forged-tokens.js';
import { startOidcIssuer, type LocalOidcIssuer } from '../../fixtures/auth/oidc-issuer.js';
import { signedHeaders } from '../../fixtures/auth/sigv4-client.js';
import { get, post, startTestApi, type HttpAnswer, type TestApi } from '../../support/local-api.js';

let api: TestApi;
let provider: LocalOidcIssuer;
let pool: LocalUserPool;

beforeAll(async () => {
  provider = await startOidcIssuer();
  api = await startTestApi({ definition: authFixtureDefinition(provider.issuer) });
  pool = await loadLocalUserPool(api.dataDir);
});

afterAll(async () => {
  await api?.close();
  await provider?.close();
});

const WHOAMI = '{ whoami }';
const asJson = (answer: HttpAnswer) => JSON.parse((answer.body as { data: { whoami: string } }).data.whoami) as unknown;
const send = (headers: Record<string, string>, query = WHOAMI) => post(api.url, { query }, headers);
const unauthorized = (message: string) => ({ status: 401, body: { errors: [{ errorType: 'UnauthorizedException', message }] } });
const statusAndBody = (answer: HttpAnswer) => ({ status: answer.status, body: answer.body });

/** SigV4 over the exact request fetch will send (host with port, JSON body). */
async function iamHeaders(body: string, credentials: { accessKeyId: string; secretAccessKey: string } = LOCAL_FUNCTION_PRINCIPAL) {
  const { host, ...headers } = await signedHeaders({ credentials, signingDate: new Date(), host: new URL(api.url).host, body });
  return headers;
}
const oidcToken = (extra: Record<string, unknown> = {}) =>
  provider.sign({ iss: provider.issuer, sub: 'oidc-user', aud: 'web-app', exp: Math.floor(Date.now() / 1000) + 600, ...extra });

describe('API_KEY over HTTP', () => {
  it('accepts the key: util.authType() and a null ctx.identity (items 71-72)', async () => {
    const answer = await send({ 'x-api-key': api.apiKey });
    expect(asJson(answer)).toEqual({ authType: 'API Key Authorization', identity: null });
  });

  it('refuses a wrong key and a request without credentials with 401 (items 44-45)', async () => {
    expect(statusAndBody(await send({ 'x-api-key': 'da2-wrong' }))).toEqual(unauthorized('You are not authorized to make this call.'));
    expect(statusAndBody(await send({}))).toEqual(unauthorized('Missing authorization header'));
  });

  it('denies an IAM-only field with a field error and keeps the rest (item 57)', async () => {
    const answer = await send({ 'x-api-key': api.apiKey }, '{ secret getPost(id: "1") { id } }');
    expect(statusAndBody(answer)).toEqual({
      status: 200,
      body: {
        data: { secret: null, getPost: { id: '1' } },
        errors: [
          {
            path: ['secret'],
            data: null,
            errorType: 'Unauthorized',
            errorInfo: null,
            locations: [{ line: 1, column: 3, sourceName: null }],
            message: 'Not Authorized to access secret on type Query',
          },
        ],
      },
    });
  });

  it('denies a field whose own directive omits API_KEY (item 62)', async () => {
    const answer = await send({ 'x-api-key': api.apiKey }, '{ getPost(id: "1") { title adminNote } }');
    expect((answer.body as { data: unknown }).data).toEqual({ getPost: { title: 'Post 1', adminNote: null } });
    expect((answer.body as { errors: Array<{ message: string }> }).errors.map((error) => error.message)).toEqual([
      'Not Authorized to access adminNote on type Post',
    ]);
  });
});

describe('AMAZON_COGNITO_USER_POOLS over HTTP', () => {
  it('serves the local issuer JWKS at /.well-known/jwks.json', async () => {
    expect(statusAndBody(await get(`${new URL(api.url).origin}/.well-known/jwks.json`))).toEqual({ status: 200, body: pool.jwks() });
  });

  it('accepts a token minted by the local issuer, with the identity AppSync gives (item 68)', async () => {
    const token = await pool.mint({ username: 'alice', groups: ['admin'] });
    expect(asJson(await send({ authorization: token }))).toEqual({
      authType: 'User Pool Authorization',
      identity: {
        sub: subjectFor(pool.userPoolId, 'alice'),
        issuer: pool.issuer,
        username: 'alice',
        claims: decodePayload(token),
        sourceIp: ['127.0.0.1'],
        defaultAuthStrategy: 'ALLOW',
        groups: ['admin'],
      },
    });
  });

  it('denies a root field without directives to a non-default mode (item 60)', async () => {
    const answer = await send({ authorization: await pool.mint({ username: 'bob' }) }, '{ getPost(id: "1") { id } }');
    expect(answer.body).toEqual({
      data: { getPost: null },
      errors: [
        {
          path: ['getPost'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'Not Authorized to access getPost on type Query',
        },
      ],
    });
  });

  it('enforces cognito_groups on a nested field: admins read it, others get null and an error (item 63)', async () => {
    const query = '{ postForUsers(id: "7") { id adminNote } }';
    const admin = await send({ authorization: await pool.mint({ username: 'ann', groups: ['admin'] }) }, query);
    expect(admin.body).toEqual({ data: { postForUsers: { id: '7', adminNote: 'for admins' } } });
    const member = await send({ authorization: await pool.mint({ username: 'max', groups: ['members'] }) }, query);
    expect(member.body).toEqual({
      data: { postForUsers: { id: '7', adminNote: null } },
      errors: [
        {
          path: ['postForUsers', 'adminNote'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 1, column: 30, sourceName: null }],
          message: 'Not Authorized to access adminNote on type Post',
        },
      ],
    });
  });

  it('refuses forged, expired and unparseable tokens with 401 (items 47-49)', async () => {
    const claims = decodePayload(await pool.mint({ username: 'eve' }));
    const forged = await (await foreignSigner())(claims, pool.jwks().keys[0]?.kid ?? '');
    const expired = await pool.mint({ username: 'eve', now: Date.now() - 7200_000 });
    expect([
      statusAndBody(await send({ authorization: forged })),
      statusAndBody(await send({ authorization: expired })),
      statusAndBody(await send({ authorization: 'not.a.jwt-but-also-no-lambda-match' })),
    ]).toEqual([
      unauthorized('Valid authorization header not provided.'),
      unauthorized('Token has expired.'),
      // With a Lambda authorizer configured, a non-JWT goes to it; this one fails its validation expression.
      unauthorized('You are not authorized to make this call.'),
    ]);
  });
});

describe('OPENID_CONNECT over HTTP', () => {
  it('accepts a token of the configured provider (item 69)', async () => {
    const token = await oidcToken();
    expect(asJson(await send({ authorization: token }))).toEqual({
      authType: 'Open ID Connect Authorization',
      identity: { claims: decodePayload(token), issuer: provider.issuer, sub: 'oidc-user' },
    });
  });

  it('refuses a token for another client id with 401', async () => {
    expect(statusAndBody(await send({ authorization: await oidcToken({ aud: 'other-app' }) }))).toEqual(
      unauthorized('Valid authorization header not provided.'),
    );
  });
});

describe('AWS_IAM over HTTP', () => {
  it('accepts a SigV4-signed request and reads the IAM-only field (items 58, 70)', async () => {
    const body = JSON.stringify({ query: '{ secret whoami }' });
    const answer = await post(api.url, body, await iamHeaders(body));
    expect(answer.status).toBe(200);
    expect((answer.body as { data: { secret: string } }).data.secret).toBe('the secret');
    expect(asJson(answer)).toEqual({
      authType: 'IAM Authorization',
      identity: {
        accountId: LOCAL_FUNCTION_PRINCIPAL.accountId,
        cognitoIdentityPoolId: null,
        cognitoIdentityId: null,
        sourceIp: ['127.0.0.1'],
        username: LOCAL_FUNCTION_PRINCIPAL.username,
        userArn: LOCAL_FUNCTION_PRINCIPAL.userArn,
        cognitoIdentityAuthType: null,
        cognitoIdentityAuthProvider: null,
      },
    });
  });

  it('refuses a body swapped after signing and an unknown key with 403', async () => {
    const body = JSON.stringify({ query: '{ whoami }' });
    const swapped = await post(api.url, JSON.stringify({ query: '{ secret }' }), await iamHeaders(body));
    const unknown = await post(api.url, body, await iamHeaders(body, { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }));
    expect([statusAndBody(swapped), statusAndBody(unknown)]).toEqual([
      {
        status: 403,
        body: {
          errors: [
            {
              errorType: 'InvalidSignatureException',
              message:
                'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
            },
          ],
        },
      },
      { status: 403, body: { errors: [{ errorType: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }] } },
    ]);
  });
});

describe('AWS_LAMBDA over HTTP', () => {
  it("runs the authorizer with AppSync's event and exposes resolverContext (items 56, 67)", async () => {
    const answer = await send({ authorization: 'allow-lena-nocache' });
    const whoami = asJson(answer) as { identity: { resolverContext: { requestId: string } } };
    expect(whoami).toEqual({
      authType: 'Lambda Authorization',
      identity: { resolverContext: { name: 'lena-nocache', requestId: whoami.identity.resolverContext.requestId, query: WHOAMI } },
    });
  });

  it('refuses isAuthorized: false and tokens failing identityValidationExpression (items 52-53)', async () => {
    expect(statusAndBody(await send({ authorization: 'nope' }))).toEqual(unauthorized('You are not authorized to make this call.'));
    expect(statusAndBody(await send({ authorization: 'Allow-Upper' }))).toEqual(unauthorized('You are not authorized to make this call.'));
  });

  it('caches the answer per token for the TTL, and not with ttlOverride 0 (items 54-55)', async () => {
    const requestIdOf = async (token: string) =>
      (asJson(await send({ authorization: token })) as { identity: { resolverContext: { requestId: string } } }).identity.resolverContext.requestId;
    const cached = [await requestIdOf('allow-carl'), await requestIdOf('allow-carl')];
    const uncached = [await requestIdOf('allow-nina-nocache'), await requestIdOf('allow-nina-nocache')];
    expect(cached[0]).toBe(cached[1]);
    expect(uncached[0]).not.toBe(uncached[1]);
  });

  it('nulls deniedFields (item 65)', async () => {
    const answer = await send({ authorization: 'deny-title-dora' }, '{ postForUsers(id: "3") { id title } }');
    expect((answer.body as { data: unknown }).data).toEqual({ postForUsers: { id: '3', title: null } });
  });
});

describe('after every attack above', () => {
  it('still serves valid requests', async () => {
    expect(asJson(await send({ 'x-api-key': api.apiKey }))).toEqual({ authType: 'API Key Authorization', identity: null });
  });
});
