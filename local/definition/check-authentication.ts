/**
 * Checks of `authentication` (spec appsync-graphql-engine.md §3.1): one default mode, no mode twice
 * (only one Lambda authorizer; Cognito modes carry no user-pool id in this format, so two of them would
 * be the same local pool; OIDC modes are told apart by issuer), each mode's settings in AppSync's ranges.
 */
import type { AuthModeConfig, AuthenticationConfig, LambdaFunctionDefinition } from './types.js';
import { integerProblem } from './problems.js';

const AUTH_TYPES = ['API_KEY', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_IAM', 'AWS_LAMBDA'];

function regexProblem(field: string, pattern: string | undefined): string | undefined {
  if (pattern === undefined) return undefined;
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return `${field} is not a valid regular expression: ${(error as Error).message}`;
  }
}

/** OIDC token lifetimes: milliseconds, 0 = no check. */
function millisecondsProblem(field: string, value: unknown): string | undefined {
  if (value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 0)) return undefined;
  return `${field} must be a non-negative integer (milliseconds, 0 = no check), got ${JSON.stringify(value)}`;
}

function issuerProblem(issuer: unknown): string | undefined {
  if (typeof issuer !== 'string' || issuer === '') return 'issuer is required';
  try {
    const { protocol } = new URL(issuer);
    return protocol === 'https:' || protocol === 'http:' ? undefined : `issuer '${issuer}' is not an http(s) URL`;
  } catch {
    return `issuer '${issuer}' is not a URL`;
  }
}

function modeProblems(mode: AuthModeConfig, isDefault: boolean, lambdaFunctions: Map<string, LambdaFunctionDefinition>): Array<string | undefined> {
  switch (mode.type) {
    case 'API_KEY':
      return [integerProblem('expiresInDays', mode.expiresInDays, 1, 365)];
    case 'AMAZON_COGNITO_USER_POOLS':
      return [
        mode.defaultAction !== undefined && !isDefault ? 'defaultAction is only allowed on the default mode' : undefined,
        mode.defaultAction === undefined || mode.defaultAction === 'ALLOW' || mode.defaultAction === 'DENY'
          ? undefined
          : `defaultAction '${String(mode.defaultAction)}' must be ALLOW or DENY`,
        regexProblem('appIdClientRegex', mode.appIdClientRegex),
      ];
    case 'OPENID_CONNECT':
      return [
        issuerProblem(mode.issuer),
        millisecondsProblem('authTTL', mode.authTTL),
        millisecondsProblem('iatTTL', mode.iatTTL),
      ];
    case 'AWS_IAM':
      return [];
    case 'AWS_LAMBDA':
      return [
        lambdaFunctions.has(mode.function) ? undefined : `function '${mode.function}' is not defined in lambdaFunctions`,
        integerProblem('resultsCacheTtlSeconds', mode.resultsCacheTtlSeconds, 0, 3600),
        regexProblem('identityValidationExpression', mode.identityValidationExpression),
      ];
    default:
      return [`type '${String((mode as { type: unknown }).type)}' is not an AppSync auth mode (${AUTH_TYPES.join(', ')})`];
  }
}

/** What makes two modes the same mode. */
function modeIdentity(mode: AuthModeConfig): string {
  return mode.type === 'OPENID_CONNECT' ? `OPENID_CONNECT with issuer '${mode.issuer}'` : mode.type;
}

export function checkAuthentication(
  authentication: AuthenticationConfig | undefined,
  lambdaFunctions: Map<string, LambdaFunctionDefinition>,
  problems: string[],
): void {
  if (!authentication?.default) {
    problems.push('authentication.default is required');
    return;
  }
  const modes = [
    { where: 'authentication.default', mode: authentication.default, isDefault: true },
    ...(authentication.additional ?? []).map((mode, index) => ({ where: `authentication.additional[${index}]`, mode, isDefault: false })),
  ];
  const seen = new Map<string, string>();
  for (const { where, mode, isDefault } of modes) {
    const label = `${where} (${String(mode.type)})`;
    const identity = modeIdentity(mode);
    const first = seen.get(identity);
    if (first) problems.push(`${label}: ${identity} is already configured (${first})`);
    else seen.set(identity, where);
    for (const problem of modeProblems(mode, isDefault, lambdaFunctions)) if (problem) problems.push(`${label}: ${problem}`);
  }
}
