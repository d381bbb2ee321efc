/**
 * Enhanced subscription filters and invalidation filters (appsync-realtime.md §4.5-4.6): the object a
 * subscription resolver passes to `extensions.setSubscriptionFilter` / `setSubscriptionInvalidationFilter`,
 * usually built with `util.transform.toSubscriptionFilter`:
 *
 *   {"filterGroup":[{"filters":[{"fieldName":"severity","operator":"ge","value":3}, …]}, …]}
 *
 * An event passes when any group passes (OR) and a group passes when all its conditions pass (AND).
 * `compileFilter` checks the object once, at `start`, against AppSync's limits; `matchesFilter` then runs
 * for every event.
 */
import { SubscriptionFilterError } from '../../errors.js';
import type { FilterLimits } from '../settings.js';
import { jsonEquals, valueAt } from './values.js';

export const FILTER_OPERATORS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'notContains', 'beginsWith', 'in', 'notIn', 'between', 'containsAny'] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface FilterCondition {
  /** `fieldName` split on dots: `author.id` reaches a nested field (§4.5). */
  path: string[];
  operator: FilterOperator;
  value: unknown;
}

/** Groups (OR) of conditions (AND). No group at all restricts nothing. */
export type CompiledFilter = FilterCondition[][];

/**
 * Reads a filter set by a resolver. `undefined` (never set) and `null` (what `toSubscriptionFilter` answers
 * for input it cannot read) mean no filter. An empty `filterGroup` (what `toSubscriptionFilter({})` answers)
 * restricts nothing (unconfirmed). Throws `SubscriptionFilterError` for what AppSync would refuse.
 */
export function compileFilter(filter: unknown, limits: FilterLimits): CompiledFilter | undefined {
  if (filter === undefined || filter === null) return undefined;
  if (!isRecord(filter) || !Array.isArray(filter.filterGroup)) {
    throw new SubscriptionFilterError('subscription filter must be an object with a filterGroup list.');
  }
  if (filter.filterGroup.length > limits.maxFilterGroups) {
    throw new SubscriptionFilterError(`subscription filter has more than ${limits.maxFilterGroups} filter groups.`);
  }
  return filter.filterGroup.map((group) => {
    if (!isRecord(group) || !Array.isArray(group.filters)) {
      throw new SubscriptionFilterError('subscription filter group must be an object with a filters list.');
    }
    if (group.filters.length > limits.maxFiltersPerGroup) {
      throw new SubscriptionFilterError(`subscription filter group has more than ${limits.maxFiltersPerGroup} filters.`);
    }
    return group.filters.map((condition) => compileCondition(condition, limits));
  });
}

function compileCondition(condition: unknown, limits: FilterLimits): FilterCondition {
  if (!isRecord(condition)) throw new SubscriptionFilterError('subscription filter has a filter that is not an object.');
  const { fieldName, operator, value } = condition;
  if (typeof fieldName !== 'string' || !isValidFieldName(fieldName, limits)) {
    throw new SubscriptionFilterError(`subscription filter has invalid field name \`${String(fieldName)}\`.`);
  }
  if (!isOperator(operator)) throw new SubscriptionFilterError(`subscription filter has invalid operator \`${String(operator)}\`.`);
  if (!isValidValue(operator, value, limits)) {
    // AppSync's wording for a refused value (observed for containsAny: aws-amplify/amplify-android#2578).
    throw new SubscriptionFilterError(`subscription filter has invalid filter value for operator \`${operator}\`.`);
  }
  return { path: fieldName.split('.'), operator, value };
}

/** At most `maxFieldPathDepth` dotted levels and `maxFieldPathLength` characters, no empty level (§4.5). */
function isValidFieldName(fieldName: string, limits: FilterLimits): boolean {
  const levels = fieldName.split('.');
  return fieldName.length <= limits.maxFieldPathLength && levels.length <= limits.maxFieldPathDepth && levels.every((level) => level !== '');
}

/**
 * Value types per operator, from `@aws-appsync/utils`' filter typings (§4.5). `eq`/`ne` also take `null`
 * (comparing with an absent field; unconfirmed).
 */
function isValidValue(operator: FilterOperator, value: unknown, limits: FilterLimits): boolean {
  switch (operator) {
    case 'eq':
    case 'ne':
      return value === null || isScalar(value) || typeof value === 'boolean';
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
    case 'contains':
    case 'notContains':
      return isScalar(value);
    case 'beginsWith':
      return typeof value === 'string';
    case 'in':
    case 'notIn':
      return isScalarList(value, limits.maxInValues);
    case 'containsAny':
      return isScalarList(value, limits.maxContainsAnyValues);
    case 'between':
      return Array.isArray(value) && value.length === 2 && value.every(isScalar);
  }
}

/** Strings and numbers: what ordering operators and lists of values accept. */
function isScalar(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function isScalarList(value: unknown, maxLength: number): value is Array<string | number> {
  return Array.isArray(value) && value.length >= 1 && value.length <= maxLength && value.every(isScalar);
}

export function matchesFilter(filter: CompiledFilter, published: unknown): boolean {
  return filter.length === 0 || filter.some((group) => group.every((condition) => matchesCondition(condition, published)));
}

/**
 * One condition against the event (§4.5 table). A field the event lacks is null: `eq` with a non-null value
 * fails, `ne` passes, as do the other negations (`notContains`, `notIn`); ordering operators compare numbers
 * numerically and strings lexically, never a mix. `containsAny` reads a scalar field as a one-item list
 * (unconfirmed).
 */
function matchesCondition(condition: FilterCondition, published: unknown): boolean {
  const field = valueAt(published, condition.path);
  const value = condition.value;
  switch (condition.operator) {
    case 'eq':
      return jsonEquals(field, value);
    case 'ne':
      return !jsonEquals(field, value);
    case 'lt':
      return compare(field, value) < 0;
    case 'le':
      return compare(field, value) <= 0;
    case 'gt':
      return compare(field, value) > 0;
    case 'ge':
      return compare(field, value) >= 0;
    case 'contains':
      return contains(field, value);
    case 'notContains':
      return !contains(field, value);
    case 'beginsWith':
      return typeof field === 'string' && field.startsWith(value as string);
    case 'in':
      return (value as unknown[]).some((candidate) => jsonEquals(field, candidate));
    case 'notIn':
      return !(value as unknown[]).some((candidate) => jsonEquals(field, candidate));
    case 'between': {
      const [low, high] = value as [unknown, unknown];
      return compare(field, low) >= 0 && compare(field, high) <= 0;
    }
    case 'containsAny': {
      const items = Array.isArray(field) ? field : field === null ? [] : [field];
      return items.some((item) => (value as unknown[]).some((candidate) => jsonEquals(item, candidate)));
    }
  }
}

/** Negative, zero or positive; NaN (every comparison false) for values of different kinds. */
function compare(field: unknown, value: unknown): number {
  if (typeof field === 'number' && typeof value === 'number') return field - value;
  if (typeof field === 'string' && typeof value === 'string') return field < value ? -1 : field > value ? 1 : 0;
  return Number.NaN;
}

/** A string field contains the substring; a list field contains the element (§4.5). */
function contains(field: unknown, value: unknown): boolean {
  if (typeof field === 'string') return field.includes(String(value));
  if (Array.isArray(field)) return field.some((item) => jsonEquals(item, value));
  return false;
}

function isOperator(operator: unknown): operator is FilterOperator {
  return typeof operator === 'string' && (FILTER_OPERATORS as readonly string[]).includes(operator);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
