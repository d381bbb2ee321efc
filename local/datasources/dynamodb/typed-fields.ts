/**
 * Reading the DynamoDB-specific fields of a DynamoDB request object (spec appsync-js-runtime.md §5.1):
 * maps of typed values (`key`, `attributeValues`) and expression blocks (`condition`, `update`,
 * `query`, `filter`, `projection`). Errors as in `../request-fields.ts`.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { MappingTemplateException } from '../../errors.js';
import { fieldPath, isRecord, mistyped, optionalRecord, requireRecord, requireString, type RequestObject } from '../request-fields.js';
import { sameAttributeValue, toSdkItem, type SdkItem } from './attribute-values.js';

/** A map of typed values such as `key` or `attributeValues`, converted to the SDK's shape. */
export function requireTypedMap(parent: RequestObject, name: string, parentPath = '$'): SdkItem {
  return toSdkItem(requireRecord(parent, name, parentPath), fieldPath(parentPath, name));
}

export function optionalTypedMap(parent: RequestObject, name: string, parentPath = '$'): SdkItem | undefined {
  const value = optionalRecord(parent, name, parentPath);
  return value && toSdkItem(value, fieldPath(parentPath, name));
}

/** An `{ expression, expressionNames?, expressionValues? }` block (condition, update, query, filter, projection). */
export interface ExpressionBlock {
  expression: string;
  names: Record<string, string>;
  values: SdkItem;
}

function readNames(block: RequestObject, path: string): Record<string, string> {
  const names = block.expressionNames;
  if (names === undefined || names === null) return {};
  if (!isRecord(names)) throw mistyped(fieldPath(path, 'expressionNames'), 'a JSON object', names);
  const result: Record<string, string> = {};
  for (const [placeholder, name] of Object.entries(names)) {
    if (typeof name !== 'string') throw mistyped(fieldPath(fieldPath(path, 'expressionNames'), placeholder), 'a string', name);
    result[placeholder] = name;
  }
  return result;
}

function toExpressionBlock(block: RequestObject, path: string): ExpressionBlock {
  const values = block.expressionValues;
  return {
    expression: requireString(block, 'expression', path),
    names: readNames(block, path),
    values: values === undefined || values === null ? {} : toSdkItem(values, fieldPath(path, 'expressionValues')),
  };
}

export function optionalExpression(parent: RequestObject, name: string, parentPath = '$'): ExpressionBlock | undefined {
  const value = optionalRecord(parent, name, parentPath);
  return value && toExpressionBlock(value, fieldPath(parentPath, name));
}

export function requireExpression(parent: RequestObject, name: string, parentPath = '$'): ExpressionBlock {
  return toExpressionBlock(requireRecord(parent, name, parentPath), fieldPath(parentPath, name));
}

export interface ExpressionAttributes {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}

/**
 * The `ExpressionAttributeNames`/`Values` of one DynamoDB call, merged from all its expression blocks
 * (e.g. a query's key condition, filter and projection share them). A placeholder defined twice with
 * different meanings is rejected rather than silently overwritten.
 */
export function mergeExpressionAttributes(blocks: Array<ExpressionBlock | undefined>): ExpressionAttributes {
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  for (const block of blocks) {
    if (!block) continue;
    for (const [placeholder, name] of Object.entries(block.names)) {
      if (placeholder in names && names[placeholder] !== name) {
        throw new MappingTemplateException(`Expression name placeholder '${placeholder}' is defined twice with different names.`);
      }
      names[placeholder] = name;
    }
    for (const [placeholder, value] of Object.entries(block.values)) {
      const defined = values[placeholder];
      if (defined !== undefined && !sameAttributeValue(defined, value)) {
        throw new MappingTemplateException(`Expression value placeholder '${placeholder}' is defined twice with different values.`);
      }
      values[placeholder] = value;
    }
  }
  return {
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

/** The `ConditionExpression` of a write, with the attribute names/values of all its expressions. */
export function conditionExpressionInput(condition: ExpressionBlock | undefined, others: Array<ExpressionBlock | undefined> = []) {
  return {
    ...(condition ? { ConditionExpression: condition.expression } : {}),
    ...mergeExpressionAttributes([condition, ...others]),
  };
}
