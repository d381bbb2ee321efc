/**
 * DynamoDB's request-size limits that AppSync documents for its batch and transaction operations
 * (spec appsync-js-runtime.md §5.1; AppSync Developer Guide, BatchGetItem / BatchPutItem /
 * BatchDeleteItem / TransactGetItems / TransactWriteItems: 100, 25, 25, 100, 100). They are checked
 * before calling DynamoDB so that the answer is the same whichever DynamoDB serves the request, with
 * DynamoDB's own wording for the message (AppSync's exact text is unconfirmed).
 */
import { DynamoDbException } from '../../errors.js';
import { dynamoDbErrorMessage, localRequestId } from './dynamodb-caller.js';

export const BATCH_GET_MAX_KEYS = 100;
export const BATCH_WRITE_MAX_ITEMS = 25;
export const TRANSACTION_MAX_ITEMS = 100;

function validationError(message: string): DynamoDbException {
  return new DynamoDbException('DynamoDbException', dynamoDbErrorMessage(message, 400, localRequestId()));
}

/** BatchGetItem: at most 100 keys in all tables together. */
export function checkBatchGetSize(keyCount: number): void {
  if (keyCount > BATCH_GET_MAX_KEYS) throw validationError('Too many items requested for the BatchGetItem call');
}

/** BatchPutItem / BatchDeleteItem (one BatchWriteItem call): at most 25 items in all tables together. */
export function checkBatchWriteSize(itemCount: number): void {
  if (itemCount > BATCH_WRITE_MAX_ITEMS) throw validationError('Too many items requested for the BatchWriteItem call');
}

/** TransactGetItems / TransactWriteItems: between 1 and 100 items. */
export function checkTransactionSize(itemCount: number): void {
  if (itemCount > TRANSACTION_MAX_ITEMS) {
    throw validationError(
      `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to ${TRANSACTION_MAX_ITEMS}`,
    );
  }
  if (itemCount < 1) {
    throw validationError("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
  }
}
