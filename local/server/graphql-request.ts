/**
 * Reading AppSync's GraphQL envelope from a POST body or GET query parameters.
 * Spec: shared/spec/appsync-graphql-engine.md §1.1 (body, GET), §1.3 items 1-6 (malformed bodies).
 */
import { MalformedHttpRequestException } from '../errors.js';
import type { GraphQLRequest } from './types.js';

/** The two transport-level messages AppSync answers malformed bodies with (spec §1.3, [obs] AppSync team). */
export const MALFORMED_MESSAGES = {
  emptyBody: 'Request body is empty.',
  unparseable: 'Unable to parse GraphQL query.',
} as const;

/**
 * A POST body. Whatever the `Content-Type`, the body must be the JSON envelope: AppSync's handling of
 * `application/graphql` and other types is unconfirmed, and the spec recommends accepting other types
 * only when the body still parses as the envelope (§1.1). Arrays (batching), `{}`, non-JSON and
 * trailing garbage are all "Unable to parse GraphQL query." (§1.3, [obs]). Unknown keys are ignored
 * (§1.1, unconfirmed).
 */
export function parsePostBody(text: string): GraphQLRequest | MalformedHttpRequestException {
  if (text.trim() === '') return new MalformedHttpRequestException(MALFORMED_MESSAGES.emptyBody);
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return unparseable();
  }
  if (!isPlainObject(envelope)) return unparseable();
  return readEnvelope(envelope.query, envelope.variables, envelope.operationName);
}

/**
 * GET `/graphql?query=...&variables=<JSON>&operationName=...`, which the AppSync team stated is
 * accepted for queries and mutations (§1.1; parameter details unconfirmed).
 */
export function parseQueryParameters(parameters: URLSearchParams): GraphQLRequest | MalformedHttpRequestException {
  const variablesText = parameters.get('variables');
  let variables: unknown = null;
  if (variablesText !== null && variablesText !== '') {
    try {
      variables = JSON.parse(variablesText);
    } catch {
      return unparseable();
    }
  }
  return readEnvelope(parameters.get('query') ?? undefined, variables, parameters.get('operationName'));
}

/**
 * `query` must be a non-empty string; `variables` an object or null/absent; `operationName` a string or
 * null/absent. Anything else cannot be read as a GraphQL request (unconfirmed beyond the `{}` case,
 * which AppSync answers this way [obs]).
 */
function readEnvelope(query: unknown, variables: unknown, operationName: unknown): GraphQLRequest | MalformedHttpRequestException {
  if (typeof query !== 'string' || query.trim() === '') return unparseable();
  if (variables !== undefined && variables !== null && !isPlainObject(variables)) return unparseable();
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return unparseable();
  return {
    query,
    variables: variables ?? null,
    operationName: operationName === undefined || operationName === null || operationName === '' ? null : operationName,
  };
}

function unparseable(): MalformedHttpRequestException {
  return new MalformedHttpRequestException(MALFORMED_MESSAGES.unparseable);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
