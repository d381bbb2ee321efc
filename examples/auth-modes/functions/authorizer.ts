/**
 * The example API's Lambda authorizer (a demo: it trusts made-up tokens; a real one checks a real
 * credential, e.g. a session id or an opaque token of your identity provider). Tokens, i.e. the whole
 * `Authorization` header value:
 *
 * - `allow:<name>`   → authorized; `ctx.identity.resolverContext` = `{ name, tier: "full" }`; the answer is
 *                      cached for 60 s (`ttlOverride`) instead of the API's 300.
 * - `limited:<name>` → authorized with `Query.secret` in `deniedFields` (it resolves to null);
 *                      `resolverContext` = `{ name, tier: "limited" }`.
 * - `deny:<name>`    → not authorized (401).
 *
 * Anything else fails the API's `identityValidationExpression` and never reaches this function.
 * Spec: appsync-graphql-engine.md §3.4 (event and response).
 */
import type { AppSyncAuthorizerEvent, AppSyncAuthorizerResult } from 'aws-lambda';

export async function handler(event: AppSyncAuthorizerEvent): Promise<AppSyncAuthorizerResult<Record<string, string>>> {
  const [kind = '', name = ''] = event.authorizationToken.split(':', 2);
  if (kind === 'allow') return { isAuthorized: true, resolverContext: { name, tier: 'full' }, ttlOverride: 60 };
  if (kind === 'limited') return { isAuthorized: true, resolverContext: { name, tier: 'limited' }, deniedFields: ['Query.secret'] };
  return { isAuthorized: false };
}
