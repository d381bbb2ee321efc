/**
 * AppSync's handling of a failed `condition` on PutItem, UpdateItem and DeleteItem (spec
 * appsync-js-runtime.md §5.1; AWS AppSync Developer Guide, "Condition expressions" → "Handling a
 * condition check failure"):
 *
 * 1. read the current item (strongly consistent unless `condition.consistentRead` is false);
 * 2. PutItem: if the current item equals the item the request tried to write, ignoring the
 *    attributes in `equalsIgnore`, the operation succeeds and `ctx.result` is the current item;
 *    DeleteItem: if there is no current item, the operation succeeds (`ctx.result` null);
 *    UpdateItem: never equal (AppSync cannot know the expected result);
 * 3. otherwise the strategy applies. `Reject` (the default): `ctx.error` is
 *    `DynamoDB:ConditionalCheckFailedException` and `ctx.result` is the current item (the guide's
 *    example response handler reads it from `ctx.result`). `Custom` (a Lambda decides) is not
 *    emulated: it is logged and treated as `Reject`.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { MappingTemplateException, type DynamoDbException } from '../../errors.js';
import type { DataSourceResult } from '../types.js';
import { sameItem, toPlainItem, type SdkItem } from './attribute-values.js';
import type { OperationContext } from './operation-context.js';
import {
  fieldPath,
  optionalBoolean,
  optionalRecord,
  optionalString,
  optionalStringList,
  requireString,
  type RequestObject,
} from '../request-fields.js';
import { optionalExpression, type ExpressionBlock } from './typed-fields.js';

export interface ConditionBlock extends ExpressionBlock {
  equalsIgnore: string[];
  consistentRead: boolean;
  strategy: 'Reject' | 'Custom';
}

function readStrategy(condition: RequestObject): 'Reject' | 'Custom' {
  const handler = optionalRecord(condition, 'conditionalCheckFailedHandler', '$[condition]');
  if (!handler) return 'Reject';
  const path = '$[condition][conditionalCheckFailedHandler]';
  const strategy = requireString(handler, 'strategy', path);
  if (strategy !== 'Reject' && strategy !== 'Custom') {
    throw new MappingTemplateException(`Unsupported value '${strategy}' for field '${fieldPath(path, 'strategy')}': expected Reject or Custom.`);
  }
  if (strategy === 'Custom') optionalString(handler, 'lambdaArn', path);
  return strategy;
}

/** The request's `condition` block, with AppSync's defaults (consistent read, `Reject`). */
export function readCondition(request: RequestObject): ConditionBlock | undefined {
  const expression = optionalExpression(request, 'condition');
  const condition = optionalRecord(request, 'condition');
  if (!expression || !condition) return undefined;
  return {
    ...expression,
    equalsIgnore: optionalStringList(condition, 'equalsIgnore', '$[condition]') ?? [],
    consistentRead: optionalBoolean(condition, 'consistentRead', '$[condition]') ?? true,
    strategy: readStrategy(condition),
  };
}

export interface FailedWrite {
  kind: 'PutItem' | 'UpdateItem' | 'DeleteItem';
  key: SdkItem;
  /** PutItem only: the item the request tried to write. */
  item?: SdkItem;
  condition: ConditionBlock;
  failure: DynamoDbException;
}

function matchesDesiredResult(write: FailedWrite, current: SdkItem | undefined): boolean {
  switch (write.kind) {
    case 'PutItem':
      return current !== undefined && write.item !== undefined && sameItem(current, write.item, write.condition.equalsIgnore);
    case 'DeleteItem':
      return current === undefined;
    case 'UpdateItem':
      return false;
  }
}

export async function handleConditionFailure(write: FailedWrite, context: OperationContext): Promise<DataSourceResult> {
  const output = await context.caller.run(context.operation, 'GetItem', (client, capacity) =>
    client.send(new GetItemCommand({ TableName: context.tableName, Key: write.key, ConsistentRead: write.condition.consistentRead, ...capacity })),
  );
  const current = output.Item;
  const result = current ? toPlainItem(current) : null;
  if (matchesDesiredResult(write, current)) return { result };
  if (write.condition.strategy === 'Custom') {
    context.log(`${write.kind}: conditionalCheckFailedHandler strategy "Custom" (a Lambda deciding) is not emulated locally; treated as "Reject".`);
  }
  return { result, error: { type: write.failure.errorType, message: write.failure.message } };
}
