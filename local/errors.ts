/**
 * The error catalogue: one class per AppSync `errorType`, used everywhere instead of ad-hoc objects.
 * `errorType` is exactly the string AppSync puts in the error object (specs: appsync-graphql-engine.md
 * §1.3, §5; appsync-js-runtime.md §5-6). Add new AppSync error types here, each documented by when
 * it is raised.
 */

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
