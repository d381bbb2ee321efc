/**
 * The error catalogue: one class per AppSync `errorType`, used everywhere instead of ad-hoc objects.
 * `errorType` is exactly the string AppSync puts in the error object (specs: appsync-graphql-engine.md
 * §1.3, §5; appsync-js-runtime.md §5-6). Add new AppSync error types here, each documented by when
 * it is raised.
 */
import type { CodeError } from './runtime/types.js';

/** Base of every AppSync-shaped error. */
export class AppSyncError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = errorType;
  }
}

/** The HTTP body could not be read as a GraphQL request (400): empty, not JSON, no `query`. */
export class MalformedHttpRequestException extends AppSyncError {
  constructor(message: string) {
    super('MalformedHttpRequestException', message);
  }
}

/** No configured auth mode accepted the request's credentials (401), or a subscription's. */
export class UnauthorizedException extends AppSyncError {
  constructor(message: string) {
    super('UnauthorizedException', message);
  }
}

/** Code that cannot be loaded or created (EvaluateCode / CreateResolver answer 400). */
export class BadRequestException extends AppSyncError {
  constructor(message: string) {
    super('BadRequestException', message);
  }
}

/**
 * The HTTP body is larger than the server accepts (413). AppSync's limit and wording are unconfirmed
 * (spec appsync-graphql-engine.md §1.3, §6); the local server's limit is configurable.
 */
export class PayloadTooLargeException extends AppSyncError {
  constructor(message: string) {
    super('PayloadTooLargeException', message);
  }
}

/** A request to a path the API does not serve (404; errorType unconfirmed, spec §1.3). */
export class NotFoundException extends AppSyncError {
  constructor(message: string) {
    super('NotFoundException', message);
  }
}

/** An unexpected failure inside the local server itself (500), never a resolver or data source error. */
export class InternalFailureException extends AppSyncError {
  constructor(message: string) {
    super('InternalFailure', message);
  }
}

/**
 * A DynamoDB data source call failed; it reaches the response handler as `ctx.error` (spec
 * appsync-js-runtime.md §5.1, appsync-graphql-engine.md §4.6). `errorType` is `DynamoDB:<name>` where
 * `<name>` is the exception class of the AWS SDK for Java that AppSync uses: modeled DynamoDB exceptions
 * keep their names (`ConditionalCheckFailedException`, `TransactionCanceledException`, …), unmodeled
 * ones such as `ValidationException` surface as the SDK's generic `DynamoDbException`, network failures
 * as `SdkClientException`, and a bad `nextToken` as `UserIllegalArgumentException`.
 */
export class DynamoDbException extends AppSyncError {
  constructor(
    readonly exceptionName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`DynamoDB:${exceptionName}`, message, options);
  }
}

/**
 * A data source request object is malformed (a required field missing or of the wrong type, an
 * unknown operation): AppSync's `MappingTemplate` error type.
 */
export class MappingTemplateException extends AppSyncError {
  constructor(message: string) {
    super('MappingTemplate', message);
  }
}

/**
 * An IAM (SigV4) request whose `Authorization` header lacks a part SigV4 needs (Credential,
 * SignedHeaders, Signature, a date) or names a signed header the request does not carry. AWS-standard
 * type and wording, seen from AppSync (appsync-graphql-engine.md §3.7; aws-amplify/amplify-js#7906).
 */
export class IncompleteSignatureException extends AppSyncError {
  constructor(message: string) {
    super('IncompleteSignatureException', message);
  }
}

/**
 * An IAM (SigV4) request whose signature does not match, whose date is outside the 5-minute window or
 * whose credential scope names another region or service (appsync-graphql-engine.md §3.7, HTTP 403).
 */
export class InvalidSignatureException extends AppSyncError {
  constructor(message: string) {
    super('InvalidSignatureException', message);
  }
}

/** An IAM (SigV4) request signed with an access key (or session token) the API does not know (HTTP 403). */
export class UnrecognizedClientException extends AppSyncError {
  constructor(message: string) {
    super('UnrecognizedClientException', message);
  }
}

/**
 * A field the caller may not read: its auth mode is not allowed by the directive rules, or a Lambda
 * authorizer listed it in `deniedFields`. Field error (HTTP 200), the field becomes null
 * (spec appsync-graphql-engine.md §3.3, §7 item 57).
 */
export class UnauthorizedFieldError extends AppSyncError {
  constructor(typeName: string, fieldName: string) {
    super('Unauthorized', `Not Authorized to access ${fieldName} on type ${typeName}`);
  }
}

/**
 * A resolver was still running when the request reached AppSync's 30 s execution limit (spec
 * appsync-graphql-engine.md §6). Field error; errorType and message as AppSync reports Lambda and
 * resolver timeouts (unconfirmed for the engine-wide limit).
 */
export class ExecutionTimeoutError extends AppSyncError {
  constructor() {
    super('ExecutionTimeout', 'Execution timed out.');
  }
}

/**
 * A field nested deeper than the API's `queryDepthLimit` (spec appsync-graphql-engine.md §1.6). Field error
 * on the first field past the limit, null propagating as usual; errorType and message unconfirmed.
 */
export class QueryDepthLimitExceededError extends AppSyncError {
  constructor(limit: number) {
    super('QueryDepthLimitExceeded', `Query depth limit of ${limit} exceeded.`);
  }
}

/**
 * A resolver invocation past the API's `resolverCountLimit` (default 10,000) in one request (spec
 * appsync-graphql-engine.md §1.6). Field error on each invocation past the limit; errorType and message
 * unconfirmed.
 */
export class ResolverCountLimitExceededError extends AppSyncError {
  constructor(limit: number) {
    super('ResolverCountLimitExceeded', `Resolver count limit of ${limit} exceeded.`);
  }
}

/**
 * A Lambda answered a BatchInvoke with something other than a list as long as the batch: every item of
 * the batch fails (spec appsync-graphql-engine.md §4.4, §7 item 82; errorType and message unconfirmed).
 */
export class BatchInvokeResultMismatchError extends AppSyncError {
  constructor(expected: number, received: string) {
    super('Lambda:Unhandled', `The BatchInvoke response must be a list of ${expected} items, got ${received}.`);
  }
}

/**
 * A Lambda invocation failed (the function threw, timed out or crashed): `ctx.error` of a Lambda data
 * source, and the field error of a direct Lambda resolver, with the function's `errorMessage`. AppSync
 * does not forward the function's own `errorType` as the type (spec appsync-js-runtime.md §5.2 and
 * §8 item 112, appsync-graphql-engine.md §4.3); it shows it as `ctx.error.unhandledErrorType`
 * (observed: aws/aws-appsync-community#386, `unhandledErrorType: "Sandbox.Timedout"`).
 */
export class LambdaUnhandledException extends AppSyncError {
  constructor(
    message: string,
    readonly unhandledErrorType: string,
  ) {
    super('Lambda:Unhandled', message);
  }
}

/**
 * An HTTP data source request could not be completed (connection refused, unknown host, TLS failure):
 * `ctx.error` (spec appsync-js-runtime.md §5.4); an error status code is a result, not an error.
 * errorType unconfirmed: named after the exception AppSync logs for such failures
 * (`com.amazonaws.deepdish.http.HttpRequestException`, aws/aws-appsync-community#79).
 */
export class HttpRequestException extends AppSyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('HttpRequestException', message, options);
  }
}

/**
 * Resolver or function code that AppSync refuses when it is created (CreateResolver/CreateFunction
 * answer 400 `BadRequestException`, `reason: "CODE_ERROR"`, message `The code contains one or more
 * errors.`; spec appsync-js-runtime.md §1.1, §7): a syntax error (`PARSER_ERROR`), a construct outside
 * the APPSYNC_JS subset (`LINT_ERROR`) or a use of something the AppSync modules lack (`CODE_ERROR`,
 * TypeScript's TS2339 form). The local runtime raises it when loading code; the message lists every
 * problem with the file, line, column and lint rule so that a person can act on it.
 */
export class CodeValidationException extends BadRequestException {
  readonly reason = 'CODE_ERROR';

  constructor(
    readonly fileName: string,
    readonly codeErrors: CodeError[],
  ) {
    super(
      [
        'The code contains one or more errors.',
        ...codeErrors.map(
          ({ errorType, value, location, rule }) =>
            `  ${fileName}:${location.line}:${location.column} ${errorType} ${value}${rule ? ` (${rule})` : ''}`,
        ),
      ].join('\n'),
    );
  }
}

/**
 * A request made more than 5 distinct `extensions.invalidateSubscriptions` calls (spec appsync-realtime.md
 * §4.6: "more → GraphQL error on the mutation"). Added to the field whose resolver made the excess calls,
 * which are dropped; errorType and message unconfirmed.
 */
export class InvalidationLimitExceededError extends AppSyncError {
  constructor(limit: number) {
    super('LimitExceededException', `A request may invalidate subscriptions at most ${limit} times.`);
  }
}

/*
 * Real-time (WebSocket) protocol errors, sent in `error` and `connection_error` frames (spec
 * appsync-realtime.md §3.3-3.4). `errorCode` is set where AppSync's frame carries one.
 */

/**
 * A frame the real-time endpoint does not support: an unknown message `type` (observed: "unknown not
 * supported through the realtime channel", enisdenjo/graphql-ws#602), a `start` whose document is a query
 * or mutation, or a message that cannot be read (invalid JSON, no `id`, no `payload.data`; unconfirmed).
 */
export class UnsupportedOperationError extends AppSyncError {
  constructor(message: string) {
    super('UnsupportedOperation', message);
  }
}

/** A `start` whose `id` is already active on the connection (observed: amplify-js#4813, #12818). */
export class DuplicatedOperationError extends AppSyncError {
  constructor(id: string) {
    super('DuplicatedOperationError', `Duplicated operation with id ${id}`);
  }
}

/** A `start` beyond the connection's subscription limit (100 on AppSync; observed by amplify-swift's tests). */
export class MaxSubscriptionsReachedError extends AppSyncError {
  constructor(limit: number) {
    super('MaxSubscriptionsReachedError', `Max number of ${limit} subscriptions reached`);
  }
}

/**
 * The client did not offer the `graphql-ws` subprotocol. AppSync's frame shows only the message and
 * `errorCode` 400 (observed, appsync-realtime.md §2.1).
 */
export class SubProtocolNotSupportedError extends AppSyncError {
  readonly errorCode = 400;

  constructor() {
    super('SubProtocolNotSupportedError', 'SubProtocolNotSupportedError');
  }
}

/**
 * The connection's credentials were refused on `connection_init` (observed: `UnauthorizedException`,
 * "You are not authorized to make this call.", `errorCode` 401; appsync-realtime.md §3.4).
 */
export class ConnectionUnauthorizedError extends AppSyncError {
  readonly errorCode = 401;

  constructor() {
    super('UnauthorizedException', 'You are not authorized to make this call.');
  }
}

/**
 * No `connection_init` arrived within the server's configured wait (a local option, off by default: AppSync's
 * server-side timeouts are unconfirmed, appsync-realtime.md §3.5). errorType, message and `errorCode` are
 * unconfirmed; the code is not one clients treat as final (400/401/403), so they reconnect.
 */
export class ConnectionInitTimeoutError extends AppSyncError {
  readonly errorCode = 408;

  constructor(waitedMs: number) {
    super('ConnectionTimeoutError', `No connection_init message was received within ${waitedMs} ms.`);
  }
}

/**
 * A client message larger than the endpoint accepts (AppSync's inbound limit is unconfirmed; the local one
 * is configurable). Named after the limit errorType real-time clients recognise (`LimitExceededError`,
 * appsync-realtime.md §3.4); message unconfirmed.
 */
export class MessageTooLargeError extends AppSyncError {
  constructor(size: number, limit: number) {
    super('LimitExceededError', `Message of ${size} bytes exceeds the limit of ${limit} bytes.`);
  }
}

/**
 * A subscription resolver set an enhanced or invalidation filter AppSync would refuse (unknown operator,
 * too many values, too deep a field path, too many groups or conditions; appsync-realtime.md §4.5). AppSync's
 * frame shows the message and `errorCode` 400 only, e.g. "subscription filter has invalid filter value for
 * operator `containsAny`." (observed: aws-amplify/amplify-android#2578); other messages follow that one.
 */
export class SubscriptionFilterError extends AppSyncError {
  readonly errorCode = 400;

  constructor(message: string) {
    super('SubscriptionFilterError', message);
  }
}
