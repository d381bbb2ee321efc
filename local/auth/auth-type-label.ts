/**
 * What `util.authType()` returns for each mode (spec: appsync-js-runtime.md §1.3,
 * appsync-graphql-engine.md §3.8; the Lambda value is [obs]).
 */
import type { AuthType } from '../definition/types.js';

const LABELS: Record<AuthType, string> = {
  API_KEY: 'API Key Authorization',
  AWS_IAM: 'IAM Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
  AWS_LAMBDA: 'Lambda Authorization',
};

export function authTypeLabel(type: AuthType): string {
  return LABELS[type];
}
