/**
 * The filter/condition object → DynamoDB expression generator shared by
 * `util.transform.toDynamoDBFilterExpression`, `util.transform.toDynamoDBConditionExpression` and the
 * `condition`/`filter`/`query` inputs of the `@aws-appsync/utils/dynamodb` helpers.
 *
 * Reproduces AppSync's output byte for byte as recorded from EvaluateCode (spec
 * appsync-js-runtime.md §3.5; localstack/appsync-utils `__tests__/__snapshots__/transform.test.js.snap`,
 * recorded on AWS — both transforms answer identically for every recorded input):
 * - `field: { op: value }` → name `#field`, value `:<prefix>field_op`, each comparison wrapped:
 *   `(#f = :f_eq)`, `(contains(#f,:f_contains))` (no space after the comma),
 *   `(#f BETWEEN :f_between_start AND :f_between_end)`, `(#f IN (:f_in_0, :f_in_1))`,
 *   `(attribute_exists(#f))`, `(attribute_type(#f,:f_attributeType))`, `(size(#f) > :f_size_gt)`.
 * - Several operators on one field are AND-ed and wrapped once; the fields of one object are AND-ed
 *   without wrapping.
 * - `and`/`or` lists join their members and wrap them only when there are two or more; `not` →
 *   `(NOT …)`. Nesting prefixes value names: `:and_0_`, `:or_1_`, `:not_`, `:and_0_or_1_…`.
 * - Quirks kept as recorded: a field without operators still registers its name and renders nothing,
 *   which can leave a dangling `AND `; an empty `in` list renders `(null)`; field names are used
 *   verbatim, dots included.
 * Input AppSync cannot render makes it answer `null` from `util.transform`; here it throws
 * `BuiltinInputError` with the reason, and `util.transform` turns that into `null`.
 */
import { BuiltinInputError } from '../signals.js';
import {
  definedEntries,
  isJsonObject,
  setEntry,
  toAttributeValue,
  type AttributeMap,
  type JsonObject,
} from './attribute-values.js';

/** `{expression, expressionNames, expressionValues}` as AppSync's expression objects carry them. */
export interface DynamoDBExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: AttributeMap;
}

const COMPARISON_SYMBOLS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

const FUNCTION_NAMES: Record<string, string> = {
  contains: 'contains',
  notContains: 'NOT contains',
  beginsWith: 'begins_with',
};

/** `attributeType` takes friendly names and sends DynamoDB's type codes (transform.test.js.snap). */
const ATTRIBUTE_TYPE_CODES: Record<string, string> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

/** What one operator applies to: the field's name placeholder, the operand text and the value-name stem. */
interface OperatorTarget {
  namePlaceholder: string;
  operand: string;
  valueStem: string;
}

/** Collects the placeholders of one expression while its text is rendered. */
class PlaceholderRegistry {
  readonly names: Record<string, string> = {};
  readonly values: AttributeMap = {};

  name(field: string): string {
    const placeholder = `#${field}`;
    setEntry(this.names, placeholder, field);
    return placeholder;
  }

  value(placeholder: string, value: unknown): string {
    setEntry(this.values, placeholder, toAttributeValue(value));
    return placeholder;
  }
}

/** Builds the expression for a filter/condition object; throws `BuiltinInputError` if AppSync could not. */
export function buildFilterExpression(filter: unknown): DynamoDBExpression {
  const registry = new PlaceholderRegistry();
  const expression = renderObject(registry, filter, '');
  return { expression, expressionNames: registry.names, expressionValues: registry.values };
}

function cannotRender(reason: string): never {
  throw new BuiltinInputError(`cannot build a DynamoDB expression: ${reason}`);
}

function renderObject(registry: PlaceholderRegistry, filter: unknown, prefix: string): string {
  if (!isJsonObject(filter)) cannotRender('a filter must be an object');
  return definedEntries(filter)
    .map(([key, value]) => {
      if (key === 'and' || key === 'or') return renderJunction(registry, key, value, prefix);
      if (key === 'not') return renderNegation(registry, value, prefix);
      return renderField(registry, key, value, prefix);
    })
    .join(' AND ');
}

function renderJunction(registry: PlaceholderRegistry, kind: 'and' | 'or', members: unknown, prefix: string): string {
  if (!Array.isArray(members)) cannotRender(`'${kind}' must be a list of filters`);
  const parts = members.map((member, index) => renderObject(registry, member, `${prefix}${kind}_${index}_`));
  const joined = parts.join(` ${kind.toUpperCase()} `);
  return parts.length > 1 ? `(${joined})` : joined;
}

function renderNegation(registry: PlaceholderRegistry, inner: unknown, prefix: string): string {
  if (!isJsonObject(inner)) cannotRender(`'not' must be a filter object`);
  return `(NOT ${renderObject(registry, inner, `${prefix}not_`)})`;
}

function renderField(registry: PlaceholderRegistry, field: string, operators: unknown, prefix: string): string {
  // unconfirmed: `field: null` is refused like any other non-object (AWS refuses `and: null`)
  if (!isJsonObject(operators)) cannotRender(`field '${field}' must map operators to values`);
  const namePlaceholder = registry.name(field);
  return renderOperators(registry, { namePlaceholder, operand: namePlaceholder, valueStem: `:${prefix}${field}` }, operators);
}

function renderOperators(registry: PlaceholderRegistry, target: OperatorTarget, operators: JsonObject): string {
  const parts = definedEntries(operators).map(([operator, value]) => renderOperator(registry, target, operator, value));
  return parts.length > 1 ? `(${parts.join(' AND ')})` : (parts[0] ?? '');
}

function renderOperator(registry: PlaceholderRegistry, target: OperatorTarget, operator: string, value: unknown): string {
  const { namePlaceholder, operand, valueStem } = target;
  const valueName = `${valueStem}_${operator}`;
  if (Object.hasOwn(COMPARISON_SYMBOLS, operator)) {
    return `(${operand} ${COMPARISON_SYMBOLS[operator]} ${registry.value(valueName, value)})`;
  }
  if (Object.hasOwn(FUNCTION_NAMES, operator)) {
    return `(${FUNCTION_NAMES[operator]}(${operand},${registry.value(valueName, value)}))`;
  }
  switch (operator) {
    case 'between': {
      // anything past the second bound is ignored (recorded)
      if (!Array.isArray(value) || value.length < 2) cannotRender(`'between' needs a list of two bounds`);
      const start = registry.value(`${valueName}_start`, value[0]);
      const end = registry.value(`${valueName}_end`, value[1]);
      return `(${operand} BETWEEN ${start} AND ${end})`;
    }
    case 'in': {
      if (!Array.isArray(value)) cannotRender(`'in' needs a list of values`);
      if (value.length === 0) return '(null)';
      const placeholders = value.map((item, index) => registry.value(`${valueName}_${index}`, item));
      return `(${operand} IN (${placeholders.join(', ')}))`;
    }
    case 'attributeExists':
      if (typeof value !== 'boolean') cannotRender(`'attributeExists' needs true or false`);
      return `(${value ? 'attribute_exists' : 'attribute_not_exists'}(${operand}))`;
    case 'attributeType': {
      if (typeof value !== 'string' || !Object.hasOwn(ATTRIBUTE_TYPE_CODES, value)) {
        cannotRender(`'attributeType' must be one of ${Object.keys(ATTRIBUTE_TYPE_CODES).join(', ')}`);
      }
      return `(attribute_type(${operand},${registry.value(valueName, ATTRIBUTE_TYPE_CODES[value])}))`;
    }
    case 'size':
      // a nested `size` lengthens the value name but keeps the operand `size(#f)` (recorded)
      if (!isJsonObject(value)) cannotRender(`'size' must map operators to values`);
      return renderOperators(registry, { namePlaceholder, operand: `size(${namePlaceholder})`, valueStem: valueName }, value);
    default:
      return cannotRender(`unknown operator '${operator}'`);
  }
}
