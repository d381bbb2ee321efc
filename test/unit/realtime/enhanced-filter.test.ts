/**
 * Enhanced and invalidation filters (spec appsync-realtime.md §4.5-4.6, §8 items 38-41).
 */
import { describe, expect, it } from 'vitest';
import { SubscriptionFilterError } from '../../../local/errors.js';
import { compileFilter, matchesFilter, type FilterOperator } from '../../../local/realtime/filters/enhanced-filter.js';
import { DEFAULT_FILTER_LIMITS } from '../../../local/realtime/settings.js';

function filterOf(...groups: Array<Array<[string, string, unknown]>>): unknown {
  return { filterGroup: groups.map((conditions) => ({ filters: conditions.map(([fieldName, operator, value]) => ({ fieldName, operator, value })) })) };
}

function matches(filter: unknown, event: unknown): boolean {
  const compiled = compileFilter(filter, DEFAULT_FILTER_LIMITS);
  if (compiled === undefined) throw new Error('no filter');
  return matchesFilter(compiled, event);
}

const ticket = {
  severity: 3,
  priority: 'high',
  title: 'Disk full on host-7',
  group: 'ops',
  tags: ['disk', 'urgent'],
  author: { id: 'u1', name: 'Ann' },
  closedAt: null,
};

describe('matchesFilter', () => {
  it('ORs groups and ANDs the conditions of a group (§8 item 38)', () => {
    const filter = filterOf(
      [
        ['severity', 'ge', 3],
        ['group', 'eq', 'ops'],
      ],
      [['priority', 'eq', 'low']],
    );
    expect([
      matches(filter, ticket),
      matches(filter, { ...ticket, severity: 1, priority: 'low' }),
      matches(filter, { ...ticket, group: 'dev' }),
    ]).toEqual([true, true, false]);
  });

  /** For each operator, a value the ticket passes and one it fails (§8 item 39). */
  const operatorCases: Array<[FilterOperator, string, unknown, unknown]> = [
    ['eq', 'priority', 'high', 'low'],
    ['ne', 'priority', 'low', 'high'],
    ['lt', 'severity', 4, 3],
    ['le', 'severity', 3, 2],
    ['gt', 'severity', 2, 3],
    ['ge', 'severity', 3, 4],
    ['contains', 'title', 'full', 'empty'],
    ['contains', 'tags', 'urgent', 'later'],
    ['notContains', 'title', 'empty', 'full'],
    ['notContains', 'tags', 'later', 'disk'],
    ['beginsWith', 'title', 'Disk', 'disk'],
    ['in', 'group', ['dev', 'ops'], ['dev', 'qa']],
    ['notIn', 'group', ['dev', 'qa'], ['dev', 'ops']],
    ['between', 'severity', [1, 3], [4, 5]],
    ['containsAny', 'tags', ['urgent', 'x'], ['x', 'y']],
  ];

  it.each(operatorCases)('%s on %s: one passing and one failing value', (operator, fieldName, passing, failing) => {
    expect([matches(filterOf([[fieldName, operator, passing]]), ticket), matches(filterOf([[fieldName, operator, failing]]), ticket)]).toEqual([true, false]);
  });

  it('compares strings lexically and never a string with a number', () => {
    expect([
      matches(filterOf([['priority', 'gt', 'a']]), ticket),
      matches(filterOf([['priority', 'lt', 'i']]), ticket),
      matches(filterOf([['severity', 'gt', '1']]), ticket),
      matches(filterOf([['priority', 'between', ['a', 'z']]]), ticket),
    ]).toEqual([true, true, false, true]);
  });

  it('reaches nested fields through dotted names (§8 item 40)', () => {
    expect([matches(filterOf([['author.id', 'eq', 'u1']]), ticket), matches(filterOf([['author.id', 'eq', 'u2']]), ticket)]).toEqual([true, false]);
  });

  it('treats an absent or null field as null: eq fails, the negations pass (§4.5, unconfirmed)', () => {
    expect([
      matches(filterOf([['missing', 'eq', 'x']]), ticket),
      matches(filterOf([['missing', 'ne', 'x']]), ticket),
      matches(filterOf([['closedAt', 'eq', null]]), ticket),
      matches(filterOf([['missing', 'notContains', 'x']]), ticket),
      matches(filterOf([['missing', 'notIn', ['x']]]), ticket),
      matches(filterOf([['missing', 'lt', 5]]), ticket),
      matches(filterOf([['author.missing.deeper', 'eq', 'x']]), ticket),
    ]).toEqual([false, true, true, true, true, false, false]);
  });

  it('reads a scalar field as a one-item list for containsAny (unconfirmed)', () => {
    expect([matches(filterOf([['group', 'containsAny', ['ops', 'qa']]]), ticket), matches(filterOf([['group', 'containsAny', ['qa']]]), ticket)]).toEqual([
      true,
      false,
    ]);
  });

  it('lets everything through a filter without groups (toSubscriptionFilter({}), unconfirmed)', () => {
    expect(matches({ filterGroup: [] }, ticket)).toBe(true);
  });
});

describe('compileFilter', () => {
  it('reads no filter from undefined (never set) or null (unreadable toSubscriptionFilter input)', () => {
    expect([compileFilter(undefined, DEFAULT_FILTER_LIMITS), compileFilter(null, DEFAULT_FILTER_LIMITS)]).toEqual([undefined, undefined]);
  });

  it('keeps conditions with their paths split', () => {
    expect(compileFilter(filterOf([['author.id', 'eq', 'u1']], [['severity', 'in', [1, 2]]]), DEFAULT_FILTER_LIMITS)).toEqual([
      [{ path: ['author', 'id'], operator: 'eq', value: 'u1' }],
      [{ path: ['severity'], operator: 'in', value: [1, 2] }],
    ]);
  });

  /** Refused filters, with AppSync's wording where observed (amplify-android#2578) and that form elsewhere (§4.5). */
  const refused: Array<[string, unknown, string]> = [
    ['in with 6 values (§8 item 41)', filterOf([['group', 'in', ['a', 'b', 'c', 'd', 'e', 'f']]]), 'subscription filter has invalid filter value for operator `in`.'],
    ['notIn with 6 values', filterOf([['group', 'notIn', [1, 2, 3, 4, 5, 6]]]), 'subscription filter has invalid filter value for operator `notIn`.'],
    ['containsAny with 21 values', filterOf([['tags', 'containsAny', Array.from({ length: 21 }, (_, i) => `t${i}`)]]), 'subscription filter has invalid filter value for operator `containsAny`.'],
    ['an empty in list', filterOf([['group', 'in', []]]), 'subscription filter has invalid filter value for operator `in`.'],
    ['between with one bound', filterOf([['severity', 'between', [1]]]), 'subscription filter has invalid filter value for operator `between`.'],
    ['beginsWith a number', filterOf([['title', 'beginsWith', 1]]), 'subscription filter has invalid filter value for operator `beginsWith`.'],
    ['gt a boolean', filterOf([['severity', 'gt', true]]), 'subscription filter has invalid filter value for operator `gt`.'],
    ['an unknown operator', filterOf([['severity', 'greaterThan', 1]]), 'subscription filter has invalid operator `greaterThan`.'],
    ['a path 6 levels deep', filterOf([['a.b.c.d.e.f', 'eq', 1]]), 'subscription filter has invalid field name `a.b.c.d.e.f`.'],
    ['a path of 257 characters', filterOf([['x'.repeat(257), 'eq', 1]]), `subscription filter has invalid field name \`${'x'.repeat(257)}\`.`],
    ['an empty path level', filterOf([['author..id', 'eq', 1]]), 'subscription filter has invalid field name `author..id`.'],
    ['11 groups', filterOf(...Array.from({ length: 11 }, (): Array<[string, string, unknown]> => [['severity', 'eq', 1]])), 'subscription filter has more than 10 filter groups.'],
    ['11 conditions in a group', filterOf(Array.from({ length: 11 }, (): [string, string, unknown] => ['severity', 'eq', 1])), 'subscription filter group has more than 10 filters.'],
    ['no filterGroup list', { filters: [] }, 'subscription filter must be an object with a filterGroup list.'],
    ['a group without filters', { filterGroup: [{}] }, 'subscription filter group must be an object with a filters list.'],
    ['a condition that is not an object', { filterGroup: [{ filters: ['severity'] }] }, 'subscription filter has a filter that is not an object.'],
  ];

  it.each(refused)('refuses %s', (_case, filter, message) => {
    expect(() => compileFilter(filter, DEFAULT_FILTER_LIMITS)).toThrow(new SubscriptionFilterError(message));
  });

  it('accepts the limits themselves', () => {
    const atLimits = filterOf([
      ['a.b.c.d.e', 'in', [1, 2, 3, 4, 5]],
      ['tags', 'containsAny', Array.from({ length: 20 }, (_, i) => i)],
    ]);
    expect(compileFilter(atLimits, DEFAULT_FILTER_LIMITS)?.[0]?.map((condition) => condition.path.length)).toEqual([5, 1]);
  });

  it('follows configured limits', () => {
    expect(() => compileFilter(filterOf([['group', 'in', ['a', 'b']]]), { ...DEFAULT_FILTER_LIMITS, maxInValues: 1 })).toThrow(
      new SubscriptionFilterError('subscription filter has invalid filter value for operator `in`.'),
    );
  });
});
