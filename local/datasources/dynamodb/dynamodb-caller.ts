/**
 * The one place where the DynamoDB data source talks to the AWS SDK: every call goes through
 * `DynamoDbCaller.run`, which asks for consumed capacity only when someone observes it and turns SDK
 * failures into AppSync's `DynamoDB:<name>` errors (spec appsync-js-runtime.md §5.1,
 * appsync-graphql-engine.md §4.6).
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBServiceException, type ConsumedCapacity, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbException } from '../../errors.js';

/** What an observer learns after each successful DynamoDB call. */
export interface ConsumedCapacityReport {
  dataSource: string;
  /** The AppSync operation being served, e.g. `Query` or `BatchPutItem`. */
  operation: string;
  /** The DynamoDB API called, e.g. `Query`, `BatchWriteItem` (a condition failure adds a `GetItem`). */
  call: string;
  consumedCapacity: ConsumedCapacity[];
}

export type ConsumedCapacityObserver = (report: ConsumedCapacityReport) => void;

/** Spread into a command's input: asks DynamoDB for `ConsumedCapacity` only when it is observed. */
export type CapacityRequest = { ReturnConsumedCapacity?: 'TOTAL' };

type CapacityOutput = { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };

/**
 * DynamoDB's request ids are 52 upper-case letters and digits; locally raised DynamoDB errors (limits)
 * get one of the same form so that messages look alike.
 */
export function localRequestId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(52), (byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * AppSync's message for a DynamoDB error is the AWS SDK for Java (v2) exception text: the service's
 * message followed by `(Service: DynamoDb, Status Code: 400, Request ID: …)` (spec §4.6; seen in
 * aws/aws-appsync-community#269). Older APIs showed the SDK v1 form
 * `(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: …; Request ID: …)`.
 */
export function dynamoDbErrorMessage(message: string, statusCode: number, requestId: string): string {
  return `${message} (Service: DynamoDb, Status Code: ${statusCode}, Request ID: ${requestId})`;
}

/**
 * Names an SDK failure the way AppSync's `errorType` does: modeled DynamoDB exceptions (subclasses in
 * the SDK) keep their names; unmodeled service errors such as `ValidationException` become the SDK's
 * generic `DynamoDbException` (AppSync on SDK v1 said `DynamoDB:AmazonDynamoDBException` for a
 * ValidationException: dabit3/react-appsync-graphql-recipe-app#5); anything that never reached
 * DynamoDB (connection refused, timeout) is the SDK's `SdkClientException`.
 */
export function toDynamoDbException(error: unknown): DynamoDbException {
  if (error instanceof DynamoDBServiceException) {
    const modeled = Object.getPrototypeOf(error) !== DynamoDBServiceException.prototype;
    const { httpStatusCode = 400, requestId = localRequestId() } = error.$metadata;
    return new DynamoDbException(modeled ? error.name : 'DynamoDbException', dynamoDbErrorMessage(error.message, httpStatusCode, requestId), {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message || error.name : String(error);
  return new DynamoDbException('SdkClientException', `Unable to execute HTTP request: ${detail}`, { cause: error });
}

export class DynamoDbCaller {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly dataSource: string,
    private readonly observer?: ConsumedCapacityObserver,
  ) {}

  /**
   * Runs one SDK call for the AppSync `operation`: `send` gets the client and the capacity fields to
   * spread into its input. Failures are thrown as `DynamoDbException`s (the SDK error as `cause`).
   */
  async run<Output extends CapacityOutput>(
    operation: string,
    call: string,
    send: (client: DynamoDBClient, capacity: CapacityRequest) => Promise<Output>,
  ): Promise<Output> {
    let output: Output;
    try {
      output = await send(this.client, this.observer ? { ReturnConsumedCapacity: 'TOTAL' } : {});
    } catch (error) {
      throw toDynamoDbException(error);
    }
    if (this.observer && output.ConsumedCapacity !== undefined) {
      const consumed = output.ConsumedCapacity;
      this.observer({
        dataSource: this.dataSource,
        operation,
        call,
        consumedCapacity: Array.isArray(consumed) ? consumed : [consumed],
      });
    }
    return output;
  }
}
