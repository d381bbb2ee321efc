/**
 * `util.dynamodb`: plain values → AppSync's typed DynamoDB JSON (spec appsync-js-runtime.md §3.4,
 * checklist items 77-89). The conversion itself lives in `../dynamodb/attribute-values.ts`, shared
 * with the `@aws-appsync/utils/dynamodb` helpers.
 *
 * Recorded on AWS: numbers stay JSON numbers (`{ N: 12345 }`, `{ NS: [1, 23, 4.56] }`), values
 * are passed through without validation (`toBinary("foo")` → `{ B: "foo" }`), and `toS3Object`
 * writes compact JSON with the keys in the order key, bucket, region, version.
 * Every single-value converter answers `null` for `null`/`undefined` (the typings' return types).
 */
import {
  isJsonObject,
  toAttributeMap,
  toAttributeValue,
  toBinarySet,
  toNumberSet,
  toStringSet,
  type AttributeMap,
  type AttributeValue,
} from '../dynamodb/attribute-values.js';
import { BuiltinInputError } from '../signals.js';

/** What `toS3Object` stores and `fromS3ObjectJson` reads back. */
export interface S3ObjectReference {
  key: string;
  bucket: string;
  region: string;
  version?: string;
}

function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export const dynamodbUtil = Object.freeze({
  /** `undefined` (no value at all) → `null`, as the spec recommends (unconfirmed, §3.4). */
  toDynamoDB: (value: unknown): AttributeValue | null => (value === undefined ? null : toAttributeValue(value)),
  toString: (value: string | null | undefined): { S: string } | null => (isAbsent(value) ? null : { S: value }),
  toStringSet,
  toNumber: (value: number | null | undefined): { N: number } | null => (isAbsent(value) ? null : { N: value }),
  toNumberSet,
  toBinary: (value: string | null | undefined): { B: string } | null => (isAbsent(value) ? null : { B: value }),
  toBinarySet,
  toBoolean: (value: boolean | null | undefined): { BOOL: boolean } | null => (isAbsent(value) ? null : { BOOL: value }),
  toNull: (): { NULL: null } => ({ NULL: null }),
  /** Not a list → `null` (the typings' return type). */
  toList: (value: unknown): { L: AttributeValue[] } | null =>
    Array.isArray(value) ? { L: value.map(toAttributeValue) } : null,
  /** Not an object → `null` (the typings' return type). */
  toMap: (value: unknown): { M: AttributeMap } | null => (isJsonObject(value) ? { M: toAttributeMap(value) } : null),
  /** Not an object → `null` (the typings' return type). */
  toMapValues: (value: unknown): AttributeMap | null => (isJsonObject(value) ? toAttributeMap(value) : null),
  toS3Object: (key: string, bucket: string, region: string, version?: string): { S: string } => {
    const s3: S3ObjectReference = version === undefined ? { key, bucket, region } : { key, bucket, region, version };
    return { S: JSON.stringify({ s3 }) };
  },
  /** Reads back what `toS3Object` stored (the `S` string); exact AWS output unconfirmed. */
  fromS3ObjectJson: (s3ObjectString: string): S3ObjectReference => {
    const reference = parseS3Reference(s3ObjectString);
    if (reference === undefined) {
      throw new BuiltinInputError(`util.dynamodb.fromS3ObjectJson: expected a string like {"s3":{"key":…,"bucket":…,"region":…}}`);
    }
    return reference;
  },
});

function parseS3Reference(text: unknown): S3ObjectReference | undefined {
  if (typeof text !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const s3 = isJsonObject(parsed) ? parsed.s3 : undefined;
  if (!isJsonObject(s3)) return undefined;
  const { key, bucket, region, version } = s3;
  if (typeof key !== 'string' || typeof bucket !== 'string' || typeof region !== 'string') return undefined;
  return typeof version === 'string' ? { key, bucket, region, version } : { key, bucket, region };
}
