/**
 * Transaction helpers of `@aws-appsync/utils/dynamodb`: `transactGet`, `transactWrite`
 * (spec appsync-js-runtime.md §4.1, request shapes §5.1; shapes from the typings, unconfirmed).
 * Each item becomes `{ table, operation, key, … }` in request order; keys, items, updates and
 * conditions are converted exactly as the single-item helpers convert them. A condition gets no
 * `returnValuesOnConditionCheckFailure`: AppSync's default applies.
 */
import { isJsonObject, type AttributeMap, type JsonObject } from './attribute-values.js';
import type { DynamoDBExpression } from './filter-expression.js';
import { buildProjection, type ProjectionExpression } from './projection.js';
import {
  requireAttributeMap,
  requireList,
  requirePayload,
  toRequestExpression,
  withOptionalFields,
  type RequestExpression,
} from './request-inputs.js';
import { buildUpdateExpression } from './update-expression.js';
import { BuiltinInputError } from '../signals.js';

export interface TransactGetItemsRequest {
  operation: 'TransactGetItems';
  transactItems: Array<{ table: string; key: AttributeMap; projection?: ProjectionExpression }>;
}

export type TransactWriteItem =
  | { table: string; operation: 'PutItem'; key: AttributeMap; attributeValues: AttributeMap; condition?: RequestExpression }
  | { table: string; operation: 'UpdateItem'; key: AttributeMap; update: DynamoDBExpression; condition?: RequestExpression }
  | { table: string; operation: 'DeleteItem' | 'ConditionCheck'; key: AttributeMap; condition?: RequestExpression };

export interface TransactWriteItemsRequest {
  operation: 'TransactWriteItems';
  transactItems: TransactWriteItem[];
}

export function transactGet(payload: unknown): TransactGetItemsRequest {
  const items = requireList('transactGet', 'items', requirePayload('transactGet', payload).items);
  const transactItems = items.map((item, index) => {
    const where = `items[${index}]`;
    if (!isJsonObject(item)) throw new BuiltinInputError(`transactGet: ${where} must be an object with 'table' and 'key'`);
    return withOptionalFields(
      { table: requireTableName('transactGet', where, item.table), key: requireAttributeMap('transactGet', `${where}.key`, item.key) },
      { projection: buildProjection('transactGet', item.projection) },
    );
  });
  return { operation: 'TransactGetItems', transactItems };
}

/** The four kinds of write item, by their input key (`{ putItem: {...} }` …). */
const WRITE_KINDS = ['putItem', 'updateItem', 'deleteItem', 'conditionCheck'] as const;
type WriteKind = (typeof WRITE_KINDS)[number];

export function transactWrite(payload: unknown): TransactWriteItemsRequest {
  const items = requireList('transactWrite', 'items', requirePayload('transactWrite', payload).items);
  return { operation: 'TransactWriteItems', transactItems: items.map(toWriteItem) };
}

function toWriteItem(item: unknown, index: number): TransactWriteItem {
  const where = `items[${index}]`;
  const write = findWrite(item);
  if (write === undefined) throw new BuiltinInputError(`transactWrite: ${where} must hold one of ${WRITE_KINDS.join(', ')}`);
  const { kind, input } = write;
  const target = `${where}.${kind}`;
  const table = requireTableName('transactWrite', target, input.table);
  const key = requireAttributeMap('transactWrite', `${target}.key`, input.key);
  const optional = { condition: toRequestExpression('transactWrite', `${target}.condition`, input.condition) };
  switch (kind) {
    case 'putItem': {
      const attributeValues = requireAttributeMap('transactWrite', `${target}.item`, input.item);
      return withOptionalFields<TransactWriteItem>({ table, operation: 'PutItem', key, attributeValues }, optional);
    }
    case 'updateItem': {
      const update = buildUpdateExpression(`transactWrite: ${target}`, input.update);
      return withOptionalFields<TransactWriteItem>({ table, operation: 'UpdateItem', key, update }, optional);
    }
    case 'deleteItem':
      return withOptionalFields<TransactWriteItem>({ table, operation: 'DeleteItem', key }, optional);
    case 'conditionCheck':
      return withOptionalFields<TransactWriteItem>({ table, operation: 'ConditionCheck', key }, optional);
  }
}

function findWrite(item: unknown): { kind: WriteKind; input: JsonObject } | undefined {
  if (!isJsonObject(item)) return undefined;
  for (const kind of WRITE_KINDS) {
    const input = item[kind];
    if (isJsonObject(input)) return { kind, input };
  }
  return undefined;
}

function requireTableName(helper: string, where: string, table: unknown): string {
  if (typeof table !== 'string' || table === '') throw new BuiltinInputError(`${helper}: ${where}.table must be a table name`);
  return table;
}
