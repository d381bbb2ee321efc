/**
 * The `update` object of `ddb.update` / `transactWrite`'s `updateItem` → an UpdateExpression with
 * `#expName_<n>` / `:expValue_<n>` placeholders (spec appsync-js-runtime.md §4.3).
 *
 * Recorded on AWS (localstack/appsync-utils `__tests__/__snapshots__/index.test.js.snap`, spec §4.3):
 * single entries — `add`/`replace`/plain value → `SET #expName_1 = :expValue_1`, `increment` →
 * `SET #expName_1 = #expName_1 + :expValue_1`, `decrement` → `… - …`, `append` →
 * `SET #expName_1 = list_append(#expName_1, :expValue_1)`, `prepend` → `list_append(:expValue_1, #expName_1)`.
 * Also recorded (an EvaluateCode test in a public project: seven plain entries, nulls among them):
 * entries share one `SET` clause joined by `, `, numbered in key order, and `null` sets `{ NULL: null }`.
 *
 * Unconfirmed, chosen to always give a valid expression (proved against DynamoDB Local in
 * test/unit/runtime/dynamodb/against-dynamodb.test.ts):
 * - `remove()` → one `REMOVE` clause after the `SET` clause: `SET … REMOVE #expName_2, …`;
 * - names and values are numbered by two counters in key order, each name as its path is first used;
 * - a plain object updates the attributes inside it, one path per leaf (`#expName_1.#expName_2`), a
 *   parent keeping one alias; `add`/`replace` set a whole map instead;
 * - a list of `updateListItem` operations (or one alone) → `SET #expName_1[<index>] = :expValue_<n>`.
 */
import { BuiltinInputError } from '../signals.js';
import { definedEntries, isJsonObject, setEntry, toAttributeValue, type AttributeMap, type JsonObject } from './attribute-values.js';
import type { DynamoDBExpression } from './filter-expression.js';
import type { UpdateOperation, UpdateOperationType } from './operations.js';

const OPERATION_TYPES: ReadonlySet<string> = new Set<UpdateOperationType>([
  'OPERATION_ADD',
  'OPERATION_REPLACE',
  'OPERATION_REMOVE',
  'OPERATION_INCREMENT',
  'OPERATION_DECREMENT',
  'OPERATION_APPEND',
  'OPERATION_PREPEND',
  'OPERATION_UPDATE_LIST_ITEM',
]);

/** An object marked as an operation (`{ type: "OPERATION_…" }`); unknown `OPERATION_` types are refused. */
function isOperation(value: unknown): value is UpdateOperation {
  if (!isJsonObject(value) || typeof value.type !== 'string' || !value.type.startsWith('OPERATION_')) return false;
  if (!OPERATION_TYPES.has(value.type)) throw new BuiltinInputError(`update: unknown operation '${value.type}'`);
  return true;
}

function isListItemUpdates(value: unknown): value is UpdateOperation[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => isOperation(item) && item.type === 'OPERATION_UPDATE_LIST_ITEM')
  );
}

export function buildUpdateExpression(helper: string, update: unknown): DynamoDBExpression {
  if (!isJsonObject(update)) throw new BuiltinInputError(`${helper}: 'update' must be an object of attributes to change`);
  const builder = new UpdateExpressionBuilder(helper);
  builder.addEntries(update, []);
  return builder.build();
}

class UpdateExpressionBuilder {
  private readonly pathAliases = new Map<string, string>();
  private readonly names: Record<string, string> = {};
  private readonly values: AttributeMap = {};
  private valueCount = 0;
  private readonly setActions: string[] = [];
  private readonly removeActions: string[] = [];

  constructor(private readonly helper: string) {}

  addEntries(object: JsonObject, parentPath: readonly string[]): void {
    for (const [attribute, entry] of definedEntries(object)) {
      const path = [...parentPath, attribute];
      if (isOperation(entry)) {
        this.addOperation(path, entry);
      } else if (isListItemUpdates(entry)) {
        for (const operation of entry) this.addOperation(path, operation);
      } else if (isJsonObject(entry)) {
        this.addEntries(entry, path);
      } else {
        this.set(path, entry);
      }
    }
  }

  build(): DynamoDBExpression {
    const clauses: string[] = [];
    if (this.setActions.length > 0) clauses.push(`SET ${this.setActions.join(', ')}`);
    if (this.removeActions.length > 0) clauses.push(`REMOVE ${this.removeActions.join(', ')}`);
    return { expression: clauses.join(' '), expressionNames: this.names, expressionValues: this.values };
  }

  private addOperation(path: readonly string[], operation: UpdateOperation): void {
    switch (operation.type) {
      case 'OPERATION_ADD':
      case 'OPERATION_REPLACE':
        return this.set(path, operation.value);
      case 'OPERATION_REMOVE':
        this.removeActions.push(this.pathPlaceholder(path));
        return;
      case 'OPERATION_INCREMENT':
      case 'OPERATION_DECREMENT': {
        const name = this.pathPlaceholder(path);
        const sign = operation.type === 'OPERATION_INCREMENT' ? '+' : '-';
        this.setActions.push(`${name} = ${name} ${sign} ${this.valuePlaceholder(operation.by)}`);
        return;
      }
      case 'OPERATION_APPEND': {
        const name = this.pathPlaceholder(path);
        this.setActions.push(`${name} = list_append(${name}, ${this.valuePlaceholder(operation.items)})`);
        return;
      }
      case 'OPERATION_PREPEND': {
        const name = this.pathPlaceholder(path);
        this.setActions.push(`${name} = list_append(${this.valuePlaceholder(operation.items)}, ${name})`);
        return;
      }
      case 'OPERATION_UPDATE_LIST_ITEM': {
        const { index } = operation;
        if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
          throw new BuiltinInputError(`${this.helper}: updateListItem needs a list index (an integer ≥ 0)`);
        }
        const name = this.pathPlaceholder(path);
        this.setActions.push(`${name}[${index}] = ${this.valuePlaceholder(operation.value)}`);
        return;
      }
    }
  }

  private set(path: readonly string[], value: unknown): void {
    const name = this.pathPlaceholder(path);
    this.setActions.push(`${name} = ${this.valuePlaceholder(value)}`);
  }

  /** `#expName_1.#expName_2`: one alias per path node, given when the node is first used. */
  private pathPlaceholder(path: readonly string[]): string {
    return path
      .map((attribute, depth) => {
        const node = JSON.stringify(path.slice(0, depth + 1));
        let alias = this.pathAliases.get(node);
        if (alias === undefined) {
          alias = `#expName_${this.pathAliases.size + 1}`;
          this.pathAliases.set(node, alias);
          setEntry(this.names, alias, attribute);
        }
        return alias;
      })
      .join('.');
  }

  private valuePlaceholder(value: unknown): string {
    this.valueCount += 1;
    const placeholder = `:expValue_${this.valueCount}`;
    setEntry(this.values, placeholder, toAttributeValue(value));
    return placeholder;
  }
}
