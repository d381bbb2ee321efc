/**
 * `util.rds.toJsonObject` (spec appsync-js-runtime.md §3.8 [obs]): an RDS Data API
 * `ExecuteStatement` result, as a JSON string or object, to one list per SQL statement of row objects
 * keyed by column label. A statement that returns no records (INSERT, UPDATE, DELETE) gives an empty
 * list (typings). Column values are unwrapped: `isNull` → `null`, `stringValue`/`longValue`/
 * `doubleValue`/`booleanValue` (and the older `intValue`/`bigIntValue`/`realValue`/`bitValue`) → the
 * value, `blobValue` → its base64 string, `arrayValue` → a (nested) array, `structValue` → the array
 * of its attributes. The rest of `@aws-appsync/utils/rds` is out of scope for liveboard (spec §3.8).
 */
import { isJsonObject, setEntry, type JsonObject } from '../dynamodb/attribute-values.js';
import { BuiltinInputError } from '../signals.js';
import { describeType } from './arguments.js';

const BUILTIN = 'util.rds.toJsonObject';

function refuse(problem: string): never {
  throw new BuiltinInputError(`${BUILTIN}: ${problem}`);
}

/** `arrayValue`: `{ stringValues: [...] }`, `{ longValues: [...] }`, … or `{ arrayValues: [arrayValue, …] }`. */
function unwrapArrayValue(arrayValue: unknown): unknown[] {
  if (!isJsonObject(arrayValue)) refuse(`an arrayValue must be an object, got ${describeType(arrayValue)}`);
  const [kind, values] = Object.entries(arrayValue)[0] ?? [];
  if (!Array.isArray(values)) refuse('an arrayValue must hold one list of values');
  return kind === 'arrayValues' ? values.map(unwrapArrayValue) : values;
}

function unwrapField(field: unknown): unknown {
  if (!isJsonObject(field)) refuse(`a column value must be an object, got ${describeType(field)}`);
  const [kind, value] = Object.entries(field)[0] ?? refuse('a column value must not be empty');
  switch (kind) {
    case 'isNull':
      return null;
    case 'arrayValue':
      return unwrapArrayValue(value);
    case 'arrayValues':
      return Array.isArray(value) ? value.map(unwrapField) : refuse('arrayValues must be a list');
    case 'structValue':
      return isJsonObject(value) && Array.isArray(value.attributes)
        ? value.attributes.map(unwrapField)
        : refuse('a structValue must hold a list of attributes');
    default:
      return value;
  }
}

function columnLabel(column: unknown, index: number): string {
  const label = isJsonObject(column) ? (column.label ?? column.name) : undefined;
  return typeof label === 'string' ? label : refuse(`column ${index} has no label`);
}

function statementRows(statement: unknown): JsonObject[] {
  if (!isJsonObject(statement)) refuse(`a statement result must be an object, got ${describeType(statement)}`);
  const { records, columnMetadata } = statement;
  if (records === undefined || records === null) return [];
  if (!Array.isArray(records) || !Array.isArray(columnMetadata)) refuse('records need a columnMetadata list');
  const labels = columnMetadata.map(columnLabel);
  return records.map((record) => {
    if (!Array.isArray(record) || record.length !== labels.length) {
      refuse(`each record must be a list of ${labels.length} column values`);
    }
    const row: JsonObject = {};
    labels.forEach((label, index) => setEntry(row, label, unwrapField(record[index])));
    return row;
  });
}

function toJsonObject(serializedSQLResult: unknown): JsonObject[][] {
  let result = serializedSQLResult;
  if (typeof result === 'string') {
    try {
      result = JSON.parse(result);
    } catch {
      refuse('the result is not valid JSON');
    }
  }
  if (!isJsonObject(result) || !Array.isArray(result.sqlStatementResults)) {
    refuse('expected an RDS Data API result with sqlStatementResults');
  }
  return result.sqlStatementResults.map(statementRows);
}

export const rdsUtils = { toJsonObject };
