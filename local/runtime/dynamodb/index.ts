/**
 * The `@aws-appsync/utils/dynamodb` module as resolver code imports it: exactly the exports that
 * `@aws-appsync/utils` 2.1.1 declares in `lib/dynamodb-helpers.d.ts` (spec appsync-js-runtime.md §4).
 * A name outside this object is a compile-time error on AppSync (spec checklist item 126), so
 * nothing else may be added here. Frozen, like everything it holds: it is shared by every evaluation.
 */
import { toBinarySet, toNumberSet, toStringSet } from './attribute-values.js';
import { batchDelete, batchGet, batchPut } from './batch-requests.js';
import { get, put, remove, update } from './item-requests.js';
import { operations } from './operations.js';
import { query, scan, sync } from './read-requests.js';
import { transactGet, transactWrite } from './transact-requests.js';

export const dynamodbModule = Object.freeze({
  get,
  put,
  remove,
  update,
  query,
  scan,
  sync,
  batchGet,
  batchPut,
  batchDelete,
  transactGet,
  transactWrite,
  toStringSet,
  toNumberSet,
  toBinarySet,
  operations,
});
