/**
 * GetItem, PutItem, UpdateItem and DeleteItem on the data source's table (spec appsync-js-runtime.md
 * §5.1). Results: GetItem → the item or `null`; PutItem → the item as written (key merged over
 * `attributeValues`); UpdateItem → the item after the update (ALL_NEW); DeleteItem → the deleted item
 * (ALL_OLD) or `null` when there was none (unconfirmed).
 *
 * `_version`, `customPartitionKey` and `populateIndexFields` only matter to versioned (conflict
 * detection) data sources, which are not emulated (appsync-graphql-engine.md §4.6): they are ignored.
 */
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDbException } from '../../errors.js';
import type { DataSourceResult } from '../types.js';
import { toPlainItem, type SdkItem } from './attribute-values.js';
import { handleConditionFailure, readCondition, type ConditionBlock, type FailedWrite } from './condition-failure.js';
import type { OperationContext, OperationHandler } from './operation-context.js';
import { optionalBoolean } from '../request-fields.js';
import {
  conditionExpressionInput,
  mergeExpressionAttributes,
  optionalExpression,
  optionalTypedMap,
  requireExpression,
  requireTypedMap,
} from './typed-fields.js';

const plainOrNull = (item: SdkItem | undefined): Record<string, unknown> | null => (item ? toPlainItem(item) : null);

/**
 * Runs a conditional write; a failed condition goes through AppSync's condition-failure handling,
 * every other failure propagates.
 */
async function conditionalWrite(
  write: Omit<FailedWrite, 'failure' | 'condition'> & { condition: ConditionBlock | undefined },
  context: OperationContext,
  run: () => Promise<DataSourceResult>,
): Promise<DataSourceResult> {
  try {
    return await run();
  } catch (error) {
    const { condition } = write;
    if (!condition || !(error instanceof DynamoDbException) || error.exceptionName !== 'ConditionalCheckFailedException') throw error;
    return handleConditionFailure({ ...write, condition, failure: error }, context);
  }
}

export const getItem: OperationHandler = async (request, context) => {
  const projection = optionalExpression(request, 'projection');
  const input = {
    TableName: context.tableName,
    Key: requireTypedMap(request, 'key'),
    ConsistentRead: optionalBoolean(request, 'consistentRead') ?? false,
    ...(projection ? { ProjectionExpression: projection.expression } : {}),
    ...mergeExpressionAttributes([projection]),
  };
  const output = await context.caller.run(context.operation, 'GetItem', (client, capacity) => client.send(new GetItemCommand({ ...input, ...capacity })));
  return { result: plainOrNull(output.Item) };
};

export const putItem: OperationHandler = async (request, context) => {
  const key = requireTypedMap(request, 'key');
  const attributeValues = optionalTypedMap(request, 'attributeValues') ?? {};
  const item = { ...attributeValues, ...key };
  const condition = readCondition(request);
  const input = { TableName: context.tableName, Item: item, ...conditionExpressionInput(condition) };
  return conditionalWrite({ kind: 'PutItem', key, item, condition }, context, async () => {
    await context.caller.run(context.operation, 'PutItem', (client, capacity) => client.send(new PutItemCommand({ ...input, ...capacity })));
    return { result: toPlainItem(item) };
  });
};

export const updateItem: OperationHandler = async (request, context) => {
  const key = requireTypedMap(request, 'key');
  const update = requireExpression(request, 'update');
  const condition = readCondition(request);
  const input = {
    TableName: context.tableName,
    Key: key,
    UpdateExpression: update.expression,
    ReturnValues: 'ALL_NEW' as const,
    ...conditionExpressionInput(condition, [update]),
  };
  return conditionalWrite({ kind: 'UpdateItem', key, condition }, context, async () => {
    const output = await context.caller.run(context.operation, 'UpdateItem', (client, capacity) => client.send(new UpdateItemCommand({ ...input, ...capacity })));
    return { result: plainOrNull(output.Attributes) };
  });
};

export const deleteItem: OperationHandler = async (request, context) => {
  const key = requireTypedMap(request, 'key');
  const condition = readCondition(request);
  const input = { TableName: context.tableName, Key: key, ReturnValues: 'ALL_OLD' as const, ...conditionExpressionInput(condition) };
  return conditionalWrite({ kind: 'DeleteItem', key, condition }, context, async () => {
    const output = await context.caller.run(context.operation, 'DeleteItem', (client, capacity) => client.send(new DeleteItemCommand({ ...input, ...capacity })));
    return { result: plainOrNull(output.Attributes) };
  });
};
