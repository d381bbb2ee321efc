import type { AuthType } from '../definition/types.js';

/** `util.authType()`'s answer per auth mode (spec appsync-graphql-engine.md §3.8, §7 item 72). */
const AUTH_TYPE_LABELS: Readonly<Record<AuthType, string>> = {
  API_KEY: 'API Key Authorization',
  AWS_IAM: 'IAM Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
  AWS_LAMBDA: 'Lambda Authorization',
};

export function authTypeLabel(type: AuthType): string {
  return AUTH_TYPE_LABELS[type];
}
