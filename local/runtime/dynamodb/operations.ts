/**
 * `operations` of `@aws-appsync/utils/dynamodb`: markers placed in an `update` object. Their runtime
 * values are the ones AWS returns (spec appsync-js-runtime.md §4.2 [obs]), not the `{ _type }` shape
 * the typings describe.
 */

export type UpdateOperation =
  | { type: 'OPERATION_ADD' | 'OPERATION_REPLACE'; value: unknown }
  | { type: 'OPERATION_REMOVE' }
  | { type: 'OPERATION_INCREMENT' | 'OPERATION_DECREMENT'; by: unknown }
  | { type: 'OPERATION_APPEND' | 'OPERATION_PREPEND'; items: unknown }
  | { type: 'OPERATION_UPDATE_LIST_ITEM'; value: unknown; index: unknown };

export type UpdateOperationType = UpdateOperation['type'];

export const operations = Object.freeze({
  /** Sets the attribute to `value` (a `SET`, not DynamoDB's `ADD`). */
  add: (value: unknown): UpdateOperation => ({ type: 'OPERATION_ADD', value }),
  /** Unconfirmed value: `{ type: "OPERATION_REMOVE" }`. */
  remove: (): UpdateOperation => ({ type: 'OPERATION_REMOVE' }),
  replace: (value: unknown): UpdateOperation => ({ type: 'OPERATION_REPLACE', value }),
  /** `by` defaults to 1 (unconfirmed). */
  increment: (by: unknown = 1): UpdateOperation => ({ type: 'OPERATION_INCREMENT', by }),
  /** `by` defaults to 1 (unconfirmed). */
  decrement: (by: unknown = 1): UpdateOperation => ({ type: 'OPERATION_DECREMENT', by }),
  append: (items: unknown): UpdateOperation => ({ type: 'OPERATION_APPEND', items }),
  prepend: (items: unknown): UpdateOperation => ({ type: 'OPERATION_PREPEND', items }),
  /**
   * Unconfirmed value (AWS's EvaluateCode failed on this helper when LocalStack recorded it): the item
   * under `value`, like `add`/`replace`, and its position under `index`.
   */
  updateListItem: (value: unknown, index: unknown): UpdateOperation => ({ type: 'OPERATION_UPDATE_LIST_ITEM', value, index }),
});
