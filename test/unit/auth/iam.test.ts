import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../local/auth/authenticator.js';
import { iamUserPrincipal } from '../../../local/auth/iam.js';
import { connectionCredentialsRequest } from '../../../local/auth/realtime-credentials.js';
import type { AuthenticationOutcome, CredentialsRequest } from '../../../local/auth/types.js';
import { GRAPHQL_BODY } from '../../fixtures/auth/requests.js';
import { signedHeaders, signedRequest, type SignOptions } from '../../fixtures/auth/sigv4-client.js';

const SIGNED_AT = new Date('2026-11-23T12:00:00Z');
const MINUTE = 60_000;
const ACCOUNT = '123456789012';
const alice = { accessKeyId: 'AKIALOCALALICE000001', secretAccessKey: 'alice-secret-key-0000000000000000000000' };
const temporary = { accessKeyId: 'ASIALOCALTEMP0000001', secretAccessKey: 'temp-secret', sessionToken: 'session-token-1' };
const principals = [
  iamUserPrincipal({ ...alice, accountId: ACCOUNT, userName: 'alice' }),
  { ...temporary, accountId: ACCOUNT, userArn: `arn:aws:sts::${ACCOUNT}:assumed-role/publisher/lambda`, username: 'AROALOCALPUBLISHER:lambda' },
];

function authenticatorAt(nowMs: number, additional: boolean = false) {
  return createAuthenticator(
    additional ? { default: { type: 'API_KEY' }, additional: [{ type: 'AWS_IAM' }] } : { default: { type: 'AWS_IAM' } },
    { iam: { region: 'us-east-1', principals }, apiKeys: [], now: () => nowMs },
  );
}
const authenticator = authenticatorAt(SIGNED_AT.getTime() + MINUTE);
const sign = (overrides: Partial<SignOptions> = {}) =>
  signedRequest({ credentials: alice, signingDate: SIGNED_AT, body: GRAPHQL_BODY, ...overrides });

const MISMATCH: AuthenticationOutcome = {
  ok: false,
  errorType: 'InvalidSignatureException',
  message:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  statusCode: 403,
};
const UNRECOGNIZED: AuthenticationOutcome = {
  ok: false,
  errorType: 'UnrecognizedClientException',
  message: 'The security token included in the request is invalid.',
  statusCode: 403,
};
/** `message` may be an asymmetric matcher where AWS echoes the whole Authorization value. */
const incomplete = (message: unknown): AuthenticationOutcome => ({ ok: false, errorType: 'IncompleteSignatureException', message: message as string, statusCode: 403 });
const invalid = (message: string): AuthenticationOutcome => ({ ok: false, errorType: 'InvalidSignatureException', message, statusCode: 403 });

// spec: appsync-graphql-engine.md §3.2 (SigV4 headers), §3.8 (identity; conformance item 70)
describe('AWS_IAM mode: accepted signatures', () => {
  it('accepts a request signed by @smithy/signature-v4 and fills ctx.identity for an IAM user', async () => {
    const request = { ...(await sign()), sourceIp: '10.1.2.3' };
    expect(await authenticator.authenticate(request)).toEqual({
      ok: true,
      auth: {
        type: 'AWS_IAM',
        identity: {
          accountId: ACCOUNT,
          cognitoIdentityPoolId: null,
          cognitoIdentityId: null,
          sourceIp: ['10.1.2.3'],
          username: principals[0]?.username,
          userArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
          cognitoIdentityAuthType: null,
          cognitoIdentityAuthProvider: null,
        },
        deniedFields: [],
      },
    });
    expect(principals[0]?.username).toMatch(/^AIDA[0-9A-F]{17}$/);
  });

  it('accepts temporary credentials with their session token (assumed role)', async () => {
    const outcome = await authenticator.authenticate(await sign({ credentials: temporary }));
    expect(outcome.ok && outcome.auth.identity).toEqual({
      accountId: ACCOUNT,
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      sourceIp: ['127.0.0.1'],
      username: 'AROALOCALPUBLISHER:lambda',
      userArn: `arn:aws:sts::${ACCOUNT}:assumed-role/publisher/lambda`,
      cognitoIdentityAuthType: null,
      cognitoIdentityAuthProvider: null,
    });
  });

  it('accepts a signature without x-amz-content-sha256, a query string, and extra unsigned headers', async () => {
    const request = await sign({ applyChecksum: false, path: '/graphql?query=%7BnoResolver%7D', method: 'GET', body: '' });
    request.headers['user-agent'] = 'aws-sdk-js/3';
    expect((await authenticator.authenticate(request)).ok).toBe(true);
  });

  it('accepts a request still inside the 5-minute window, either side (SigV4 allows replays within it)', async () => {
    const request = await sign();
    expect((await authenticatorAt(SIGNED_AT.getTime() + 5 * MINUTE).authenticate(request)).ok).toBe(true);
    expect((await authenticatorAt(SIGNED_AT.getTime() - 5 * MINUTE).authenticate(request)).ok).toBe(true);
  });

  it('is chosen over the default API_KEY mode when the Authorization header is SigV4 (spec §3.2 step 2)', async () => {
    const outcome = await authenticatorAt(SIGNED_AT.getTime(), true).authenticate(await sign());
    expect(outcome.ok && outcome.auth.type).toBe('AWS_IAM');
  });
});

// spec: appsync-realtime.md §2.3, checklist item 17
describe('AWS_IAM mode over the real-time connection header', () => {
  const connectHeaders = () =>
    signedHeaders({
      credentials: alice,
      signingDate: SIGNED_AT,
      path: '/graphql/connect',
      body: '{}',
      applyChecksum: false,
      headers: {
        accept: 'application/json, text/javascript',
        'content-encoding': 'amz-1.0',
        'content-type': 'application/json; charset=UTF-8',
      },
    });
  const context = { graphqlPath: '/graphql', sourceIp: '127.0.0.1' };

  it('accepts a header object signed over POST /graphql/connect with body {} (keys in any case)', async () => {
    const headers = await connectHeaders();
    const mixedCase = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name === 'x-amz-date' ? 'X-Amz-Date' : name === 'authorization' ? 'Authorization' : name, value]));
    expect((await authenticator.authenticate(connectionCredentialsRequest(mixedCase, context))).ok).toBe(true);
  });

  it('attack: the same connection signature presented over body "" is refused', async () => {
    const request: CredentialsRequest = { ...connectionCredentialsRequest(await connectHeaders(), context), body: '' };
    expect(await authenticator.authenticate(request)).toEqual(MISMATCH);
  });

  it('attack: the same connection signature presented for path /graphql is refused', async () => {
    const request: CredentialsRequest = { ...connectionCredentialsRequest(await connectHeaders(), context), path: '/graphql' };
    expect(await authenticator.authenticate(request)).toEqual(MISMATCH);
  });
});

// Every attack must be refused with AWS's SigV4 error and HTTP 403 (spec §3.7).
describe('AWS_IAM mode: attack cases', () => {
  const cases: Array<[string, () => Promise<CredentialsRequest>, AuthenticationOutcome, number?]> = [
    ['attack: forged — signed with a wrong secret', () => sign({ credentials: { ...alice, secretAccessKey: 'guessed' } }), MISMATCH],
    ['attack: forged — unknown access key id', () => sign({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } }), UNRECOGNIZED],
    ['attack: body replaced after signing', async () => ({ ...(await sign()), body: '{"query":"mutation { deleteAll }"}' }), MISMATCH],
    ['attack: method changed after signing', async () => ({ ...(await sign()), method: 'PUT' }), MISMATCH],
    [
      'attack: host header changed after signing',
      async () => {
        const request = await sign();
        return { ...request, headers: { ...request.headers, host: 'evil.example.com' } };
      },
      MISMATCH,
    ],
    [
      'attack: signed header value changed (content-type)',
      async () => {
        const request = await sign();
        return { ...request, headers: { ...request.headers, 'content-type': 'text/plain' } };
      },
      MISMATCH,
    ],
    [
      'attack: x-amz-content-sha256 kept while the body is replaced',
      async () => {
        const request = await sign({ applyChecksum: true });
        return { ...request, body: '{"query":"{ secret }"}' };
      },
      MISMATCH,
    ],
    [
      'attack: signature hex altered',
      async () => {
        const request = await sign();
        const authorization = request.headers.authorization ?? '';
        const altered = authorization.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
        return { ...request, headers: { ...request.headers, authorization: altered } };
      },
      MISMATCH,
    ],
    [
      'attack: replayed 6 minutes later',
      () => sign(),
      invalid('Signature expired: 20261123T120000Z is now earlier than 20261123T120100Z (20261123T120600Z - 5 min.)'),
      SIGNED_AT.getTime() + 6 * MINUTE,
    ],
    [
      'attack: skewed clock — signed 6 minutes in the future',
      () => sign(),
      invalid('Signature not yet current: 20261123T120000Z is still later than 20261123T115900Z (20261123T115400Z + 5 min.)'),
      SIGNED_AT.getTime() - 6 * MINUTE,
    ],
    [
      'attack: x-amz-date rewritten to now (scope date kept)',
      async () => {
        const request = await sign();
        return { ...request, headers: { ...request.headers, 'x-amz-date': '20261124T000000Z' } };
      },
      invalid(
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261123' != '20261124', from '20261124T000000Z'.",
      ),
      Date.parse('2026-11-24T00:00:00Z'),
    ],
    [
      'attack: x-amz-date rewritten within the same day',
      async () => {
        const request = await sign();
        return { ...request, headers: { ...request.headers, 'x-amz-date': '20261123T120100Z' } };
      },
      MISMATCH,
    ],
    [
      'attack: missing headers — x-amz-date removed',
      async () => {
        const request = await sign();
        const { 'x-amz-date': _removed, ...headers } = request.headers;
        return { ...request, headers };
      },
      incomplete(expect.stringMatching(/^Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header\. Authorization=AWS4-HMAC-SHA256 Credential=/)),
    ],
    [
      'attack: missing headers — a signed header (content-type) removed',
      async () => {
        const request = await sign();
        const { 'content-type': _removed, ...headers } = request.headers;
        return { ...request, headers };
      },
      incomplete("'content-type' is named as a SignedHeader, but it does not exist in the HTTP request."),
    ],
    [
      'attack: missing headers — Authorization without Signature',
      async () => {
        const request = await sign();
        const authorization = (request.headers.authorization ?? '').replace(/, Signature=[0-9a-f]+$/, '');
        return { ...request, headers: { ...request.headers, authorization } };
      },
      incomplete(expect.stringMatching(/^Authorization header requires 'Signature' parameter\. Authorization=AWS4-HMAC-SHA256 /)),
    ],
    [
      'attack: missing headers — a JWT sent to an IAM-only API',
      async () => ({ ...(await sign()), headers: { authorization: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' } }),
      // [obs] aws-amplify/amplify-js#7906
      incomplete(
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
      ),
    ],
    [
      'attack: host left out of the signed headers',
      () => sign({ unsignableHeaders: new Set(['host']) }),
      invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."),
    ],
    ['attack: signature scoped to another region', () => sign({ region: 'eu-west-1' }), invalid("Credential should be scoped to a valid region, not 'eu-west-1'.")],
    ['attack: signature scoped to another service', () => sign({ service: 'execute-api' }), invalid("Credential should be scoped to correct service: 'appsync'.")],
    ['attack: temporary key without its session token', () => sign({ credentials: { accessKeyId: temporary.accessKeyId, secretAccessKey: temporary.secretAccessKey } }), UNRECOGNIZED],
    ['attack: temporary key with a different session token', () => sign({ credentials: { ...temporary, sessionToken: 'stolen-other' } }), UNRECOGNIZED],
    ['attack: long-term key with an invented session token', () => sign({ credentials: { ...alice, sessionToken: 'made-up' } }), UNRECOGNIZED],
  ];

  it.each(cases)('%s', async (_label, makeRequest, expected, nowMs) => {
    const checker = nowMs === undefined ? authenticator : authenticatorAt(nowMs);
    expect(await checker.authenticate(await makeRequest())).toEqual(expected);
  });
});
