/**
 * How the SDK reports failures (client/errors.ts): each way Apollo Client and the AWS links hand over
 * an AppSync error becomes an `AppSyncError` with AppSync's fields; anything else stays an ordinary
 * error. The Apollo error values are built here as Apollo builds them (a unit test may fake a neighbour).
 */
import { CombinedGraphQLErrors, ServerError, UnconventionalError } from '@apollo/client/errors';
import type { FormattedExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppSyncError, isAppSyncError, toAppSyncError } from '../../../client/errors.js';

/** An AppSyncError as a plain object, to compare whole (its message is not an enumerable property). */
function fieldsOf(error: unknown): object {
  if (!(error instanceof AppSyncError)) throw new Error(`not an AppSyncError: ${String(error)}`);
  const { name, message, errorType, data, errorInfo, path, locations, errors, statusCode, cause } = error;
  return { name, message, errorType, data, errorInfo, path, locations, errors, statusCode, cause };
}

// spec: appsync-graphql-engine.md §1.2 (field error object: path, data, errorType, errorInfo, locations, message).
const conflict = {
  path: ['updateCard'],
  data: { id: 'card-1', version: 3 },
  errorType: 'VersionConflict',
  errorInfo: { hint: 'reload' },
  locations: [{ line: 2, column: 3, sourceName: null }],
  message: 'Card card-1 is at version 3, not 2.',
};
const conflictEntry = {
  message: conflict.message,
  errorType: 'VersionConflict',
  data: conflict.data,
  errorInfo: conflict.errorInfo,
  path: conflict.path,
  locations: conflict.locations,
};
// A validation error has no errorType, data or errorInfo keys at all (§1.2).
const validation = { path: null, locations: [{ line: 1, column: 2, sourceName: null }], message: "Validation error of type FieldUndefined: Field 'x' in type 'Query' is undefined @ 'x'" };
const validationEntry = { message: validation.message, errorType: null, data: null, errorInfo: null, path: null, locations: validation.locations };

describe('toAppSyncError', () => {
  it('turns the GraphQL errors of a response into an AppSyncError with the first error’s fields and all errors', () => {
    // As the HTTP link parses AppSync's body (AppSync writes `path: null`, which graphql-js's types do not foresee).
    const response = JSON.parse(JSON.stringify({ data: { updateCard: null }, errors: [conflict, validation] })) as FormattedExecutionResult;
    const apolloError = new CombinedGraphQLErrors(response);
    expect(fieldsOf(toAppSyncError(apolloError))).toEqual({
      name: 'AppSyncError',
      ...conflictEntry,
      errors: [conflictEntry, validationEntry],
      statusCode: null,
      cause: apolloError,
    });
  });

  it('reads a request refused with an HTTP error status from the body, keeping the status', () => {
    // spec: appsync-graphql-engine.md §1.3 (401 `{"errors":[{"errorType":"UnauthorizedException","message":…}]}`).
    const bodyText = JSON.stringify({ errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] });
    const apolloError = new ServerError('Response not successful: Received status code 401', { response: new Response(bodyText, { status: 401 }), bodyText });
    const entry = { message: 'You are not authorized to make this call.', errorType: 'UnauthorizedException', data: null, errorInfo: null, path: null, locations: null };
    expect(fieldsOf(toAppSyncError(apolloError))).toEqual({ name: 'AppSyncError', ...entry, errors: [entry], statusCode: 401, cause: apolloError });
  });

  it('leaves an HTTP error whose body is not AppSync’s as it is', () => {
    const apolloError = new ServerError('Response not successful: Received status code 502', { response: new Response('Bad gateway', { status: 502 }), bodyText: 'Bad gateway' });
    expect(toAppSyncError(apolloError)).toBe(apolloError);
  });

  it('recovers the AppSync errors of a real-time `error` frame from the subscription link’s message', () => {
    // spec: appsync-realtime.md §3.3 (error frame payload) and §7 (the link's "Connection failed: <payload JSON>").
    const payload = { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onCardChanged on type Subscription' }] };
    const linkError = new UnconventionalError({ errors: [{ message: `Connection failed: ${JSON.stringify(payload)}` }] });
    const entry = { message: 'Not Authorized to access onCardChanged on type Subscription', errorType: 'Unauthorized', data: null, errorInfo: null, path: null, locations: null };
    expect(fieldsOf(toAppSyncError(linkError))).toEqual({ name: 'AppSyncError', ...entry, errors: [entry], statusCode: null, cause: linkError });
  });

  it('reports the subscription link’s own failures (a lost connection) as ordinary errors', () => {
    const linkError = new UnconventionalError({ errors: [{ message: 'Timeout disconnect' }] });
    const reported = toAppSyncError(linkError);
    expect(reported).not.toBeInstanceOf(AppSyncError);
    expect(reported).toEqual(new Error('Timeout disconnect'));
    expect((reported as Error).cause).toBe(linkError);
  });

  it('leaves errors that did not come from AppSync as they are', () => {
    const networkError = new TypeError('fetch failed');
    expect(toAppSyncError(networkError)).toBe(networkError);
  });
});

describe('isAppSyncError', () => {
  const error = new AppSyncError([conflictEntry]);

  it('recognises an AppSyncError, of a given errorType when one is named', () => {
    expect([isAppSyncError(error), isAppSyncError(error, 'VersionConflict'), isAppSyncError(error, 'Unauthorized'), isAppSyncError(new Error('x'))]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('types `data` as the caller says the error type carries it', () => {
    const caught: unknown = error;
    expect(isAppSyncError<{ id: string; version: number }>(caught, 'VersionConflict') ? caught.data?.version : undefined).toBe(3);
  });
});
