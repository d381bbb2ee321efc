/**
 * A self-contained example API with all five AppSync auth modes, to try them locally:
 *
 *   npx liveboard start --definition examples/auth-modes/definition.ts
 *
 * and the commands of the README's "Calling the local API with each auth mode" (a test runs them).
 * `Query.whoami` answers `util.authType()` and `ctx.identity` for every mode; `Query.secret` is closed to
 * API keys and to user-pool users outside the `admin` group, and denied by the example authorizer to
 * `limited:` tokens. It is not part of the board app and is never deployed (its Lambda authorizer
 * accepts made-up tokens).
 *
 * The OIDC issuer is a placeholder: offline, `npx liveboard token --oidc` mints its tokens with the local
 * stand-in key; point `issuer` and `clientId` at your provider to accept its real tokens too.
 */
import type { ApiDefinition } from '../../local/definition/types.js';

const DIR = 'examples/auth-modes';

export const definition: ApiDefinition = {
  name: 'auth-modes-example',
  schemaFiles: [`${DIR}/schema.graphql`],
  authentication: {
    default: { type: 'API_KEY' },
    additional: [
      { type: 'AMAZON_COGNITO_USER_POOLS' },
      { type: 'AWS_IAM' },
      { type: 'OPENID_CONNECT', issuer: 'https://login.example.com', clientId: 'auth-modes-example' },
      {
        type: 'AWS_LAMBDA',
        function: 'authModesExampleAuthorizer',
        // Checked before the authorizer is called; other tokens get 401 without an invocation.
        identityValidationExpression: '(allow|limited|deny):[a-z0-9-]+',
        resultsCacheTtlSeconds: 300,
      },
    ],
  },
  tables: [],
  dataSources: [{ name: 'none', type: 'NONE' }],
  lambdaFunctions: [{ name: 'authModesExampleAuthorizer', entry: `${DIR}/functions/authorizer.ts`, timeoutSeconds: 5 }],
  functions: [],
  resolvers: [
    { kind: 'UNIT', typeName: 'Query', fieldName: 'whoami', dataSource: 'none', code: `${DIR}/resolvers/Query.whoami.ts` },
    { kind: 'UNIT', typeName: 'Query', fieldName: 'secret', dataSource: 'none', code: `${DIR}/resolvers/Query.secret.ts` },
  ],
};
