/**
 * TransactGetItems and TransactWriteItems (spec appsync-js-runtime.md §5.1; AppSync Developer Guide,
 * "TransactGetItems", "TransactWriteItems"):
 *
 * - success: `{ items: [item | null, …], cancellationReasons: null }` (TransactGetItems) and
 *   `{ keys: [key, …], cancellationReasons: null }` (TransactWriteItems), in request order;
 * - `TransactionCanceledException`: `ctx.error` plus `cancellationReasons` aligned with the request
 *   items, `{ type: "None", message: "None" }` for items that did not fail, and for a failed condition
 *   the current item as `item` unless the condition says `returnValuesOnConditionCheckFailure: false`;
 *   `items`/`keys` are then `null`;
 * - any other failure: `ctx.error`, with both keys of the result present and `null`.
 *
 * Items name their table as AppSync does (`table`); `context.resolveTableName` gives the physical name.
 */
import {
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  type CancellationReason,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { AppSyncError, MappingTemplateException } from '../../errors.js';
import type { DataSourceResult } from '../types.js';
import { toPlainItem, type SdkItem } from './attribute-values.js';
import { checkTransactionSize } from './limits.js';
import type { OperationContext, OperationHandler } from './operation-context.js';
import {
  expectRecord,
  fieldPath,
  optionalBoolean,
  optionalRecord,
  requireArray,
  requireString,
  type RequestObject,
} from '../request-fields.js';
import {
  conditionExpressionInput,
  mergeExpressionAttributes,
  optionalExpression,
  optionalTypedMap,
  requireExpression,
  requireTypedMap,
  type ExpressionBlock,
} from './typed-fields.js';

interface TransactionItem {
  item: RequestObject;
  path: string;
  key: SdkItem;
  tableName: string;
}

function readTransactionItems(request: RequestObject, context: OperationContext): TransactionItem[] {
  const items = requireArray(request, 'transactItems');
  checkTransactionSize(items.length);
  return items.map((value, index) => {
    const path = fieldPath('$[transactItems]', index);
    const item = expectRecord(value, path);
    return { item, path, key: requireTypedMap(item, 'key', path), tableName: context.resolveTableName(requireString(item, 'table', path)) };
  });
}

function toCancellationReason(reason: CancellationReason): Record<string, unknown> {
  return {
    ...(reason.Item ? { item: toPlainItem(reason.Item) } : {}),
    type: reason.Code ?? 'None',
    message: reason.Message ?? reason.Code ?? 'None',
  };
}

/** The result and error of a failed transaction; `resultField` is `items` or `keys`. */
function failedTransaction(error: unknown, resultField: 'items' | 'keys'): DataSourceResult {
  if (!(error instanceof AppSyncError)) throw error;
  const cancelled = error.cause instanceof TransactionCanceledException ? error.cause.CancellationReasons : undefined;
  return {
    result: { [resultField]: null, cancellationReasons: cancelled ? cancelled.map(toCancellationReason) : null },
    error: { type: error.errorType, message: error.message },
  };
}

export const transactGetItems: OperationHandler = async (request, context) => {
  const items = readTransactionItems(request, context);
  const gets = items.map(({ item, path, key, tableName }) => {
    const projection = optionalExpression(item, 'projection', path);
    return {
      Get: {
        TableName: tableName,
        Key: key,
        ...(projection ? { ProjectionExpression: projection.expression } : {}),
        ...mergeExpressionAttributes([projection]),
      },
    };
  });
  try {
    const output = await context.caller.run(context.operation, 'TransactGetItems', (client, capacity) =>
      client.send(new TransactGetItemsCommand({ TransactItems: gets, ...capacity })),
    );
    const responses = output.Responses ?? [];
    return { result: { items: items.map((_, index) => (responses[index]?.Item ? toPlainItem(responses[index].Item) : null)), cancellationReasons: null } };
  } catch (error) {
    return failedTransaction(error, 'items');
  }
};

interface TransactCondition extends ExpressionBlock {
  returnValuesOnConditionCheckFailure: boolean;
}

function readTransactCondition(item: RequestObject, path: string): TransactCondition | undefined {
  const expression = optionalExpression(item, 'condition', path);
  const condition = optionalRecord(item, 'condition', path);
  if (!expression || !condition) return undefined;
  return {
    ...expression,
    returnValuesOnConditionCheckFailure: optionalBoolean(condition, 'returnValuesOnConditionCheckFailure', fieldPath(path, 'condition')) ?? true,
  };
}

/** A transaction item's condition, asking for the current item on failure unless told not to. */
function conditionInput(condition: TransactCondition | undefined, others: ExpressionBlock[] = []) {
  return {
    ...conditionExpressionInput(condition, others),
    ...(condition
      ? { ReturnValuesOnConditionCheckFailure: condition.returnValuesOnConditionCheckFailure ? ('ALL_OLD' as const) : ('NONE' as const) }
      : {}),
  };
}

function toTransactWriteItem({ item, path, key, tableName }: TransactionItem): TransactWriteItem {
  const operation = requireString(item, 'operation', path);
  const condition = readTransactCondition(item, path);
  switch (operation) {
    case 'PutItem':
      return { Put: { TableName: tableName, Item: { ...(optionalTypedMap(item, 'attributeValues', path) ?? {}), ...key }, ...conditionInput(condition) } };
    case 'UpdateItem': {
      const update = requireExpression(item, 'update', path);
      return { Update: { TableName: tableName, Key: key, UpdateExpression: update.expression, ...conditionInput(condition, [update]) } };
    }
    case 'DeleteItem':
      return { Delete: { TableName: tableName, Key: key, ...conditionInput(condition) } };
    case 'ConditionCheck': {
      if (!condition) throw new MappingTemplateException(`Value for field '${fieldPath(path, 'condition')}' not found.`);
      return { ConditionCheck: { TableName: tableName, Key: key, ConditionExpression: condition.expression, ...conditionInput(condition) } };
    }
    default:
      throw new MappingTemplateException(
        `Unsupported operation '${operation}' for field '${fieldPath(path, 'operation')}': expected PutItem, UpdateItem, DeleteItem or ConditionCheck.`,
      );
  }
}

export const transactWriteItems: OperationHandler = async (request, context) => {
  const items = readTransactionItems(request, context);
  const writes = items.map(toTransactWriteItem);
  try {
    await context.caller.run(context.operation, 'TransactWriteItems', (client, capacity) =>
      client.send(new TransactWriteItemsCommand({ TransactItems: writes, ...capacity })),
    );
  } catch (error) {
    return failedTransaction(error, 'keys');
  }
  return { result: { keys: items.map(({ key }) => toPlainItem(key)), cancellationReasons: null } };
};
