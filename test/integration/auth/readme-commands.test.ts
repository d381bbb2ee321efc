/**
 * The README's "Calling the local API with each auth mode" section, run as written: every ```sh block is
 * run with bash against real servers started here (the board app and examples/auth-modes, on the run's
 * DynamoDB Local), and every answer it prints is checked whole. A block that starts a server (`npm start`,
 * `npx liveboard start --definition FILE`) is not run: it names the definition whose server the following
 * blocks talk to, through `URL` (the README's `URL=${URL:-…}`), with `LIVEBOARD_API_KEY` and
 * `LIVEBOARD_DATA_DIR` set as a developer would have them. `npx liveboard` is `node bin/liveboard.js`
 * through a PATH shim (npx itself would only add start-up time).
 * Then curl's own SigV4 signing (curl --aws-sigv4, 7.88 here) against the verifier, beyond the README's
 * cases. curl signs only `host;x-amz-date` and sends no `x-amz-content-sha256` (the payload hash is in
 * the canonical request all the same), which AppSync accepts.
 * Spec: appsync-graphql-engine.md §3.2 (headers), §3.3 (field denial), §3.4 (authorizer), §3.7 (401/403
 * bodies), §3.8 (identity per mode, util.authType()).
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_ACCOUNT_ID, startLocalApi, type LocalApi } from '../../../local/app.js';
import { environmentIamPrincipals, iamUserPrincipal } from '../../../local/auth/iam.js';
import { loadLocalIamUser } from '../../../local/auth/local-iam-user.js';
import { loadLocalUserPool, subjectFor } from '../../../local/auth/local-user-pool.js';
import { importDefinition } from '../../../local/definition/load.js';
import { makeTestDir, PROJECT_ROOT, uniqueTablePrefix } from '../../support/local-api.js';

const run = promisify(execFile);
const SECTION = '## Calling the local API with each auth mode';
const API_KEY = 'da2-readmecommandstest000000000';
/** What a developer's own AWS credentials would be, in `liveboard start`'s environment. */
const DEVELOPER_ENV = { AWS_ACCESS_KEY_ID: 'AKIADEVELOPERREADME0', AWS_SECRET_ACCESS_KEY: 'developer-secret-for-the-readme-test' };

interface ShellBlock {
  /** The definition file of the server the block talks to. */
  definitionFile: string;
  script: string;
}

/** The section's ```sh blocks; server start blocks become the `definitionFile` of the blocks after them. */
function readmeBlocks(readme: string): { startLines: string[]; blocks: ShellBlock[] } {
  const start = readme.indexOf(SECTION);
  const end = readme.indexOf('\n## ', start + SECTION.length);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const startLines: string[] = [];
  const blocks: ShellBlock[] = [];
  let definitionFile: string | undefined;
  for (const [, script = ''] of section.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const startLine = /^(?:npm start|npx liveboard start(?: --definition (\S+))?)$/.exec(script.trim());
    if (startLine) {
      startLines.push(script.trim());
      definitionFile = startLine[1] ?? 'infra/definition.ts';
    } else {
      if (!definitionFile) throw new Error('a README sh block comes before any server start block');
      blocks.push({ definitionFile, script });
    }
  }
  return { startLines, blocks };
}

let dataDir: string;
let shimDir: string;
const apis = new Map<string, LocalApi>();

async function startApi(definitionFile: string): Promise<LocalApi> {
  const definition = await importDefinition(definitionFile, PROJECT_ROOT);
  return startLocalApi({
    rootDir: PROJECT_ROOT,
    definition,
    port: 0,
    host: '127.0.0.1',
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tablePrefix: uniqueTablePrefix(),
    apiKey: API_KEY,
    dataDir,
    buildDir: join(dataDir, 'dist', definition.name),
    iamPrincipals: environmentIamPrincipals(DEVELOPER_ENV, LOCAL_ACCOUNT_ID),
    watch: false,
  });
}

let readme: ReturnType<typeof readmeBlocks>;
beforeAll(async () => {
  readme = readmeBlocks(await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8'));
  dataDir = await makeTestDir();
  shimDir = join(dataDir, 'bin');
  await mkdir(shimDir);
  await writeFile(
    join(shimDir, 'npx'),
    `#!/bin/sh\n[ "$1" = liveboard ] || { echo "npx $1: not expected in the README" >&2; exit 127; }\nshift\nexec node "${join(PROJECT_ROOT, 'bin', 'liveboard.js')}" "$@"\n`,
  );
  await chmod(join(shimDir, 'npx'), 0o755);
  const files = [...new Set(readme.blocks.map((block) => block.definitionFile))];
  const started = await Promise.all(files.map(async (file) => [file, await startApi(file)] as const));
  for (const [file, api] of started) apis.set(file, api);
});

afterAll(async () => {
  await Promise.all([...apis.values()].map((api) => api.close()));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs a script as a developer's shell would, in the project folder; the server's URL and key as documented. */
async function runShell(script: string, api: LocalApi): Promise<string> {
  const env = {
    PATH: `${shimDir}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? dataDir,
    URL: api.url,
    LIVEBOARD_API_KEY: api.apiKey,
    LIVEBOARD_DATA_DIR: dataDir,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], { cwd: PROJECT_ROOT, env });
  return stdout;
}

/** One JSON answer per line; `whoami` (AWSJSON) parsed so that the identity compares as an object. */
function answers(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const body = JSON.parse(line) as { data?: { whoami?: unknown } | null };
      if (typeof body.data?.whoami === 'string') body.data.whoami = JSON.parse(body.data.whoami);
      return body;
    });
}

const uuid = () => expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const seconds = () => expect.any(Number);
const transportError = (errorType: string, message: string) => ({ errors: [{ errorType, message }] });
const fieldDenied = (field: string, column: number) => ({
  path: [field],
  data: null,
  errorType: 'Unauthorized',
  errorInfo: null,
  locations: [{ line: 1, column, sourceName: null }],
  message: `Not Authorized to access ${field} on type Query`,
});
const SECRET = 'the example secret';
/** `whoami` of an IAM user of the local account: spec §3.8, the Cognito identity fields null. */
const iamUserWhoami = (uniqueId: string, userName: string) => ({
  authType: 'IAM Authorization',
  identity: {
    accountId: '123456789012',
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp: ['127.0.0.1'],
    username: uniqueId,
    userArn: `arn:aws:iam::123456789012:user/${userName}`,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  },
});

describe("the README's auth section", () => {
  it('documents starting the board app and the example API, which are the servers started here', () => {
    expect(readme.startLines).toEqual(['npm start', 'npx liveboard start --definition examples/auth-modes/definition.ts']);
  });

  it('board app: Cognito identity through `me`; the API key reads only __typename', async () => {
    const block = readme.blocks.find((candidate) => candidate.definitionFile === 'infra/definition.ts');
    const pool = await loadLocalUserPool(dataDir);
    expect(answers(await runShell(block?.script ?? 'false', apis.get('infra/definition.ts') as LocalApi))).toEqual([
      { data: { me: { id: subjectFor(pool.userPoolId, 'alice'), username: 'alice', email: 'alice@example.com' } } },
      { data: { __typename: 'Query' } },
      { data: null, errors: [fieldDenied('me', 3)] },
    ]);
  });

  it('example API: an identity and a rejection for each of the five modes', async () => {
    const file = 'examples/auth-modes/definition.ts';
    const block = readme.blocks.find((candidate) => candidate.definitionFile === file);
    const stdout = await runShell(block?.script ?? 'false', apis.get(file) as LocalApi);
    const pool = await loadLocalUserPool(dataDir);
    const iamUser = iamUserPrincipal({ ...(await loadLocalIamUser(dataDir)), accountId: LOCAL_ACCOUNT_ID });
    const cognito = (username: string, groups: string[] | null) => {
      const sub = subjectFor(pool.userPoolId, username);
      const claims = {
        sub,
        ...(groups ? { 'cognito:groups': groups } : {}),
        email_verified: true,
        iss: pool.issuer,
        'cognito:username': username,
        aud: pool.clientId,
        token_use: 'id',
        auth_time: seconds(),
        exp: seconds(),
        iat: seconds(),
        email: `${username}@example.com`,
        origin_jti: uuid(),
        event_id: uuid(),
        jti: uuid(),
      };
      const identity = { sub, issuer: pool.issuer, username, claims, sourceIp: ['127.0.0.1'], defaultAuthStrategy: 'ALLOW', groups };
      return { authType: 'User Pool Authorization', identity };
    };
    const oidcClaims = { iss: 'https://login.example.com', sub: 'carol', aud: 'auth-modes-example', iat: seconds(), auth_time: seconds(), exp: seconds(), jti: uuid() };
    const lambda = (name: string, tier: string) => ({ authType: 'Lambda Authorization', identity: { resolverContext: { name, tier } } });

    expect(answers(stdout)).toEqual([
      // API key
      { data: { whoami: { authType: 'API Key Authorization', identity: null }, secret: null }, errors: [fieldDenied('secret', 10)] },
      transportError('UnauthorizedException', 'You are not authorized to make this call.'),
      // Cognito user pools: alice outside the admin group, root in it
      { data: { whoami: cognito('alice', null), secret: null }, errors: [fieldDenied('secret', 10)] },
      { data: { whoami: cognito('root', ['admin']), secret: SECRET } },
      // IAM, curl's SigV4 with the local IAM user's keys; then a wrong secret
      { data: { whoami: iamUserWhoami(iamUser.username, 'liveboard-local'), secret: SECRET } },
      transportError(
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      ),
      // OIDC, the local stand-in key; then a token for another client id
      { data: { whoami: { authType: 'Open ID Connect Authorization', identity: { claims: oidcClaims, issuer: 'https://login.example.com', sub: 'carol' } }, secret: SECRET } },
      transportError('UnauthorizedException', 'Valid authorization header not provided.'),
      // Lambda authorizer: allow, limited (deniedFields), deny
      { data: { whoami: lambda('dave', 'full'), secret: SECRET } },
      { data: { whoami: lambda('erin', 'limited'), secret: null } },
      transportError('UnauthorizedException', 'You are not authorized to make this call.'),
    ]);
  });
});

describe('curl --aws-sigv4 against the local SigV4 verifier, beyond the README', () => {
  const exampleApi = () => apis.get('examples/auth-modes/definition.ts') as LocalApi;
  const signedCurl = (provider: string, user: string) =>
    run('curl', ['-s', exampleApi().url, '--json', '{"query":"{ whoami }"}', '--aws-sigv4', provider, '--user', user]).then(
      ({ stdout }) => answers(stdout)[0],
    );
  const localUser = async () => {
    const user = await loadLocalIamUser(dataDir);
    return `${user.accessKeyId}:${user.secretAccessKey}`;
  };

  it("accepts the developer's own credentials from liveboard start's environment as IAM user local-developer", async () => {
    const developer = environmentIamPrincipals(DEVELOPER_ENV, LOCAL_ACCOUNT_ID)[0];
    expect(await signedCurl('aws:amz:us-east-1:appsync', `${DEVELOPER_ENV.AWS_ACCESS_KEY_ID}:${DEVELOPER_ENV.AWS_SECRET_ACCESS_KEY}`)).toEqual({
      data: { whoami: iamUserWhoami(developer?.username ?? '', 'local-developer') },
    });
  });

  it('refuses an unknown key id, another region and another service (all 403)', async () => {
    expect([
      await signedCurl('aws:amz:us-east-1:appsync', 'AKIAUNKNOWNREADME000:whatever'),
      await signedCurl('aws:amz:eu-west-1:appsync', await localUser()),
      await signedCurl('aws:amz:us-east-1:execute-api', await localUser()),
    ]).toEqual([
      transportError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
      transportError('InvalidSignatureException', "Credential should be scoped to a valid region, not 'eu-west-1'."),
      transportError('InvalidSignatureException', "Credential should be scoped to correct service: 'appsync'."),
    ]);
  });
});

describe("GraphiQL's auth picker on the example API", () => {
  it('offers the API key, a local user-pool token and a local OIDC token, in the order of modes, each accepted', async () => {
    const api = apis.get('examples/auth-modes/definition.ts') as LocalApi;
    const html = await (await fetch(api.graphiqlUrl)).text();
    const config = /<script id="liveboard-graphiql-config" type="application\/json">(.*?)<\/script>/.exec(html)?.[1] ?? '{}';
    const { authOptions = [] } = JSON.parse(config) as { authOptions?: Array<{ label: string; headers: Record<string, string> }> };
    const authTypes = await Promise.all(
      authOptions.map(async ({ headers }) => {
        const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ whoami }"}' });
        return ((answers(await response.text())[0] as { data: { whoami: { authType: string } } }).data.whoami).authType;
      }),
    );
    expect(authOptions.map(({ label }, index) => [label, authTypes[index]])).toEqual([
      ['API key', 'API Key Authorization'],
      ["Cognito user pool (user 'graphiql')", 'User Pool Authorization'],
      ["OIDC, local stand-in key (sub 'graphiql')", 'Open ID Connect Authorization'],
    ]);
  });
});
