/**
 * Single-item helpers of `@aws-appsync/utils/dynamodb`: `get`, `put`, `remove`, `update`
 * (spec appsync-js-runtime.md §4.1, request shapes §5.1).
 *
 * Recorded on AWS (spec §4.1, checklist items 94-96): the key is converted with `toMapValues`,
 * `put` sends the item as `attributeValues` without copying the key into it, and nothing else is
 * added when no optional field is given. Optional fields appear only when given (not null).
 */
import type { AttributeMap } from './attribute-values.js';
import type { DynamoDBExpression } from './filter-expression.js';
import { buildProjection, type ProjectionExpression } from './projection.js';
import {
  requireAttributeMap,
  requirePayload,
  toRequestExpression,
  withOptionalFields,
  type RequestExpression,
} from './request-inputs.js';
import { buildUpdateExpression } from './update-expression.js';

export interface GetItemRequest {
  operation: 'GetItem';
  key: AttributeMap;
  consistentRead?: boolean;
  projection?: ProjectionExpression;
}

/** Fields of a versioned (conflict-detection) data source, passed through when given. */
interface VersioningFields {
  customPartitionKey?: string;
  populateIndexFields?: boolean;
  _version?: number;
}

export interface PutItemRequest extends VersioningFields {
  operation: 'PutItem';
  key: AttributeMap;
  attributeValues: AttributeMap;
  condition?: RequestExpression;
}

export interface DeleteItemRequest extends VersioningFields {
  operation: 'DeleteItem';
  key: AttributeMap;
  condition?: RequestExpression;
}

export interface UpdateItemRequest extends VersioningFields {
  operation: 'UpdateItem';
  key: AttributeMap;
  update: DynamoDBExpression;
  condition?: RequestExpression;
}

export function get(payload: unknown): GetItemRequest {
  const input = requirePayload('get', payload);
  return withOptionalFields<GetItemRequest>(
    { operation: 'GetItem', key: requireAttributeMap('get', 'key', input.key) },
    { consistentRead: input.consistentRead, projection: buildProjection('get', input.projection) },
  );
}

export function put(payload: unknown): PutItemRequest {
  const input = requirePayload('put', payload);
  return withOptionalFields<PutItemRequest>(
    {
      operation: 'PutItem',
      key: requireAttributeMap('put', 'key', input.key),
      attributeValues: requireAttributeMap('put', 'item', input.item),
    },
    { condition: toRequestExpression('put', 'condition', input.condition), ...versioningFields(input) },
  );
}

export function remove(payload: unknown): DeleteItemRequest {
  const input = requirePayload('remove', payload);
  return withOptionalFields<DeleteItemRequest>(
    { operation: 'DeleteItem', key: requireAttributeMap('remove', 'key', input.key) },
    { condition: toRequestExpression('remove', 'condition', input.condition), ...versioningFields(input) },
  );
}

export function update(payload: unknown): UpdateItemRequest {
  const input = requirePayload('update', payload);
  return withOptionalFields<UpdateItemRequest>(
    {
      operation: 'UpdateItem',
      key: requireAttributeMap('update', 'key', input.key),
      update: buildUpdateExpression('update', input.update),
    },
    { condition: toRequestExpression('update', 'condition', input.condition), ...versioningFields(input) },
  );
}

function versioningFields(input: Record<string, unknown>): Record<string, unknown> {
  return {
    customPartitionKey: input.customPartitionKey,
    populateIndexFields: input.populateIndexFields,
    _version: input._version,
  };
}
