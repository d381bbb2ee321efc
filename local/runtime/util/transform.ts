/**
 * `util.transform` (spec appsync-js-runtime.md §3.5, checklist items 90-93).
 *
 * - `toDynamoDBFilterExpression` / `toDynamoDBConditionExpression` answer the **JSON string**
 *   `{"expression","expressionNames","expressionValues"}` built by the generator in
 *   `../dynamodb/filter-expression.ts`; the two are identical for every input recorded on AWS, and a
 *   filter AppSync cannot render gives `null`, not an error (localstack/appsync-utils
 *   `__tests__/__snapshots__/transform.test.js.snap`, recorded on AWS).
 * - `toSubscriptionFilter` answers an object in the enhanced-filter shape of the realtime spec
 *   (appsync-realtime.md §4.5). Its limits (values per `in`, groups, …) are enforced when a
 *   subscription starts, not here.
 * - `toElasticsearchQueryDSL` answers a JSON string of an OpenSearch `bool` query (typings example).
 */
import { definedEntries, isJsonObject, type JsonObject } from '../dynamodb/attribute-values.js';
import { buildFilterExpression } from '../dynamodb/filter-expression.js';
import { BuiltinInputError } from '../signals.js';

/** One condition of an enhanced subscription filter (realtime spec §4.5). */
export interface SubscriptionFilterCondition {
  fieldName: string;
  operator: string;
  value: unknown;
}

export interface SubscriptionFilter {
  filterGroup: Array<{ filters: SubscriptionFilterCondition[] }>;
}

/** Alternatives (OR) of conditions that must all hold (AND): a filter in disjunctive normal form. */
type Alternatives = SubscriptionFilterCondition[][];

/** Signals input the transform cannot read; each public function turns it into `null`. */
class UnreadableFilter extends Error {}

export const transformUtil = Object.freeze({
  toDynamoDBFilterExpression: (filter: unknown): string | null => toExpressionJson(filter),
  toDynamoDBConditionExpression: (condition: unknown): string | null => toExpressionJson(condition),
  toSubscriptionFilter: (filter: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter | null =>
    nullWhenUnreadable(() => buildSubscriptionFilter(filter, ignoredFields, rules)),
  toElasticsearchQueryDSL: (query: unknown): string | null =>
    nullWhenUnreadable(() => JSON.stringify(openSearchQuery(query))),
});

function toExpressionJson(filter: unknown): string | null {
  try {
    return JSON.stringify(buildFilterExpression(filter));
  } catch (error) {
    if (error instanceof BuiltinInputError) return null;
    throw error;
  }
}

function nullWhenUnreadable<T>(build: () => T): T | null {
  try {
    return build();
  } catch (error) {
    if (error instanceof UnreadableFilter) return null;
    throw error;
  }
}

function requireObject(value: unknown): JsonObject {
  if (!isJsonObject(value)) throw new UnreadableFilter();
  return value;
}

/*
 * toSubscriptionFilter — as recorded on AWS (localstack/appsync-utils
 * `__tests__/__snapshots__/transform-subscription.test.js.snap`): every operator of a field, every
 * member of an `or` and every rule is an alternative, so the groups multiply out in key order;
 * `and` members and sibling fields are combined into each group; operators and field paths are
 * carried through as written (`not` is read as a field name); `ignoredFields` are dropped at any
 * depth; groups left without conditions disappear (`{}` → `{ filterGroup: [] }`); input that is not
 * an object (null, a list, a JSON string) gives `null`. Unconfirmed: a nested non-object gives
 * `null` too, and empty `rules` add nothing.
 */

function buildSubscriptionFilter(filter: unknown, ignoredFields: unknown, rules: unknown): SubscriptionFilter {
  const ignored = new Set(Array.isArray(ignoredFields) ? ignoredFields.filter((field) => typeof field === 'string') : []);
  let alternatives = filterAlternatives(requireObject(filter), ignored);
  const ruleAlternatives = isJsonObject(rules) ? fieldAlternatives(rules) : [];
  if (ruleAlternatives.length > 0) alternatives = crossProduct(alternatives, ruleAlternatives);
  return {
    filterGroup: alternatives.filter((filters) => filters.length > 0).map((filters) => ({ filters })),
  };
}

function filterAlternatives(filter: JsonObject, ignored: ReadonlySet<string>): Alternatives {
  let alternatives: Alternatives = [[]];
  for (const [key, value] of definedEntries(filter)) {
    if (ignored.has(key)) continue;
    let factor: Alternatives;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new UnreadableFilter();
      const members = value.map((member) => filterAlternatives(requireObject(member), ignored));
      factor = key === 'and' ? members.reduce(crossProduct, [[]]) : members.flat();
    } else {
      factor = operatorAlternatives(key, requireObject(value));
    }
    alternatives = crossProduct(alternatives, factor);
  }
  return alternatives;
}

/** Each operator of each field as an alternative of its own (how `rules` combine). */
function fieldAlternatives(fields: JsonObject): Alternatives {
  return definedEntries(fields).flatMap(([fieldName, operators]) => operatorAlternatives(fieldName, requireObject(operators)));
}

function operatorAlternatives(fieldName: string, operators: JsonObject): Alternatives {
  return definedEntries(operators).map(([operator, value]) => [{ fieldName, operator, value }]);
}

function crossProduct(left: Alternatives, right: Alternatives): Alternatives {
  return left.flatMap((leftConditions) => right.map((rightConditions) => [...leftConditions, ...rightConditions]));
}

/*
 * toElasticsearchQueryDSL — unconfirmed beyond the typings' example: an object → `bool.must` of its
 * entries, a field → `bool.must` of its operators, `and`/`or`/`not` → `bool.must`/`bool.should`/
 * `bool.must_not`; `eq` → `term`, `ne` → `bool.must_not.term`, `range: [a, b]` → `range {gte, lte}`,
 * `gt`/`gte`/`lt`/`lte` → `range`, `match`, `matchPhrase`, `matchPhrasePrefix`, `wildcard`, `regexp`,
 * `multiMatch` → the OpenSearch query of that name, `exists: true|false` → `exists` / its negation.
 */

type OpenSearchClause = Record<string, unknown>;

const FIELD_VALUE_QUERIES: Record<string, string> = {
  eq: 'term',
  match: 'match',
  matchPhrase: 'match_phrase',
  matchPhrasePrefix: 'match_phrase_prefix',
  wildcard: 'wildcard',
  regexp: 'regexp',
};

const RANGE_OPERATORS = new Set(['gt', 'gte', 'lt', 'lte']);

function openSearchQuery(query: unknown): OpenSearchClause {
  const clauses = definedEntries(requireObject(query)).map(([key, value]) => {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new UnreadableFilter();
      return { bool: { [key === 'and' ? 'must' : 'should']: value.map(openSearchQuery) } };
    }
    if (key === 'not') return { bool: { must_not: openSearchQuery(value) } };
    return { bool: { must: definedEntries(requireObject(value)).map(([operator, operand]) => openSearchOperator(key, operator, operand)) } };
  });
  return { bool: { must: clauses } };
}

function openSearchOperator(field: string, operator: string, operand: unknown): OpenSearchClause {
  if (Object.hasOwn(FIELD_VALUE_QUERIES, operator)) return { [FIELD_VALUE_QUERIES[operator] as string]: { [field]: operand } };
  if (RANGE_OPERATORS.has(operator)) return { range: { [field]: { [operator]: operand } } };
  switch (operator) {
    case 'ne':
      return { bool: { must_not: { term: { [field]: operand } } } };
    case 'range':
      if (!Array.isArray(operand) || operand.length < 2) throw new UnreadableFilter();
      return { range: { [field]: { gte: operand[0], lte: operand[1] } } };
    case 'multiMatch':
      return { multi_match: { query: operand, fields: [field] } };
    case 'exists':
      return operand === false ? { bool: { must_not: { exists: { field } } } } : { exists: { field } };
    default:
      throw new UnreadableFilter();
  }
}
