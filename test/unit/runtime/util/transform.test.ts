/**
 * `util.transform` (spec appsync-js-runtime.md §3.5). Unless a case says otherwise, the expected
 * values are AWS's own answers, recorded with EvaluateCode in localstack/appsync-utils
 * `__tests__/__snapshots__/transform.test.js.snap` and `transform-subscription.test.js.snap`
 * (AWS orders the keys of `expressionNames`/`expressionValues` arbitrarily, so only the parsed
 * objects are compared there; the `expression` text is compared verbatim).
 */
import { describe, expect, it } from 'vitest';
import { transformUtil } from '../../../../local/runtime/util/transform.js';

/** The filter expression parsed back into an object (the function answers a JSON string). */
function filter(input: unknown): unknown {
  const json = transformUtil.toDynamoDBFilterExpression(input);
  return json === null ? null : JSON.parse(json);
}

function condition(input: unknown): unknown {
  const json = transformUtil.toDynamoDBConditionExpression(input);
  return json === null ? null : JSON.parse(json);
}

describe('util.transform.toDynamoDBFilterExpression / toDynamoDBConditionExpression: the result', () => {
  it('is the exact JSON string AWS answers for a filter', () => {
    // spec: appsync-js-runtime.md §8 item 90 (obs) — outer parentheses, no space after the comma
    expect(transformUtil.toDynamoDBFilterExpression({ title: { contains: 'Hello World' } })).toBe(
      '{"expression":"(contains(#title,:title_contains))","expressionNames":{"#title":"title"},"expressionValues":{":title_contains":{"S":"Hello World"}}}',
    );
  });

  it('is the exact JSON string AWS answers for a condition, with an empty expressionValues', () => {
    // transform.test.js.snap "a condition expression is a JSON string" (obs)
    expect(transformUtil.toDynamoDBConditionExpression({ and: [{ id: { attributeExists: false } }] })).toBe(
      '{"expression":"(attribute_not_exists(#id))","expressionNames":{"#id":"id"},"expressionValues":{}}',
    );
  });

  it('joins the fields of a condition with AND', () => {
    // spec: §8 item 91 (obs)
    expect(condition({ id: { attributeExists: true }, version: { eq: 10 } })).toEqual({
      expression: '(attribute_exists(#id)) AND (#version = :version_eq)',
      expressionNames: { '#id': 'id', '#version': 'version' },
      expressionValues: { ':version_eq': { N: 10 } },
    });
  });

  it('renders attributeExists: false without a value placeholder', () => {
    // spec: §8 item 92 (u in the spec, since recorded on AWS: "attributeExists false asks whether it does not")
    expect(condition({ id: { attributeExists: false } })).toEqual({
      expression: '(attribute_not_exists(#id))',
      expressionNames: { '#id': 'id' },
      expressionValues: {},
    });
  });
});

/** `{ v: { <op>: "x" } }` → `(#v <symbol> :v_<op>)` (obs, "comparison operators"). */
describe.each([
  ['eq', '='],
  ['ne', '<>'],
  ['lt', '<'],
  ['le', '<='],
  ['gt', '>'],
  ['ge', '>='],
])('comparison operator %s', (operator, symbol) => {
  it(`renders ${symbol}`, () => {
    expect(filter({ v: { [operator]: 'x' } })).toEqual({
      expression: `(#v ${symbol} :v_${operator})`,
      expressionNames: { '#v': 'v' },
      expressionValues: { [`:v_${operator}`]: { S: 'x' } },
    });
  });
});

describe('operand types (obs)', () => {
  it.each([
    ['a number', 10, { N: 10 }],
    ['a fractional number', 1.5, { N: 1.5 }],
    ['a boolean', true, { BOOL: true }],
    ['null', null, { NULL: null }],
    ['an object', { a: 1 }, { M: { a: { N: 1 } } }],
    ['a list', [1, 2], { L: [{ N: 1 }, { N: 2 }] }],
  ])('%s is converted with toDynamoDB', (_name, operand, typed) => {
    expect(filter({ v: { eq: operand } })).toEqual({
      expression: '(#v = :v_eq)',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_eq': typed },
    });
  });
});

describe('function operators, ranges, lists, attributes and sizes (obs)', () => {
  it.each([
    ['notContains', { v: { notContains: 'x' } }, '(NOT contains(#v,:v_notContains))', { ':v_notContains': { S: 'x' } }],
    ['beginsWith', { v: { beginsWith: 'x' } }, '(begins_with(#v,:v_beginsWith))', { ':v_beginsWith': { S: 'x' } }],
    [
      'between names its bounds start and end',
      { v: { between: ['1', '9'] } },
      '(#v BETWEEN :v_between_start AND :v_between_end)',
      { ':v_between_start': { S: '1' }, ':v_between_end': { S: '9' } },
    ],
    [
      'between ignores anything past the second bound',
      { v: { between: [1, 9, 3] } },
      '(#v BETWEEN :v_between_start AND :v_between_end)',
      { ':v_between_start': { N: 1 }, ':v_between_end': { N: 9 } },
    ],
    [
      'in separates its values with a comma and a space',
      { v: { in: ['a', 'b'] } },
      '(#v IN (:v_in_0, :v_in_1))',
      { ':v_in_0': { S: 'a' }, ':v_in_1': { S: 'b' } },
    ],
    ['in with a single value', { v: { in: ['a'] } }, '(#v IN (:v_in_0))', { ':v_in_0': { S: 'a' } }],
    ['attributeExists true', { v: { attributeExists: true } }, '(attribute_exists(#v))', {}],
    ['size compares the size of the attribute', { v: { size: { gt: 2 } } }, '(size(#v) > :v_size_gt)', { ':v_size_gt': { N: 2 } }],
    [
      'size combines with a range',
      { v: { size: { between: [1, 3] } } },
      '(size(#v) BETWEEN :v_size_between_start AND :v_size_between_end)',
      { ':v_size_between_start': { N: 1 }, ':v_size_between_end': { N: 3 } },
    ],
    [
      'size combines with a function',
      { v: { size: { contains: 'x' } } },
      '(contains(size(#v),:v_size_contains))',
      { ':v_size_contains': { S: 'x' } },
    ],
    ['size combines with attributeExists', { v: { size: { attributeExists: true } } }, '(attribute_exists(size(#v)))', {}],
    [
      'two comparisons on one size',
      { v: { size: { gt: 2, lt: 5 } } },
      '((size(#v) > :v_size_gt) AND (size(#v) < :v_size_lt))',
      { ':v_size_gt': { N: 2 }, ':v_size_lt': { N: 5 } },
    ],
    [
      'nesting size names the value again without nesting the call',
      { v: { size: { size: { gt: 1 } } } },
      '(size(#v) > :v_size_size_gt)',
      { ':v_size_size_gt': { N: 1 } },
    ],
  ])('%s', (_name, input, expression, expressionValues) => {
    expect(filter(input)).toEqual({ expression, expressionNames: { '#v': 'v' }, expressionValues });
  });

  it('attributeType turns every friendly type name into its DynamoDB type code', () => {
    const names = ['_null', 'string', 'stringSet', 'number', 'numberSet', 'binary', 'binarySet', 'boolean', 'list', 'map'];
    const codes = ['NULL', 'S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'L', 'M'];
    const fields = 'abcdefghij'.split('');
    expect(filter(Object.fromEntries(fields.map((field, index) => [field, { attributeType: names[index] }])))).toEqual({
      expression: fields.map((field) => `(attribute_type(#${field},:${field}_attributeType))`).join(' AND '),
      expressionNames: Object.fromEntries(fields.map((field) => [`#${field}`, field])),
      expressionValues: Object.fromEntries(fields.map((field, index) => [`:${field}_attributeType`, { S: codes[index] }])),
    });
  });
});

describe('grouping (obs)', () => {
  it.each([
    ['two fields at the top level are joined without being wrapped', { a: { eq: 1 }, b: { eq: 2 } }, '(#a = :a_eq) AND (#b = :b_eq)', { ':a_eq': { N: 1 }, ':b_eq': { N: 2 } }],
    ['an and of one member is not wrapped', { and: [{ a: { eq: 1 } }] }, '(#a = :and_0_a_eq)', { ':and_0_a_eq': { N: 1 } }],
    ['an and of two members is wrapped', { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, '((#a = :and_0_a_eq) AND (#b = :and_1_b_eq))', { ':and_0_a_eq': { N: 1 }, ':and_1_b_eq': { N: 2 } }],
    ['an or of two members', { or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, '((#a = :or_0_a_eq) OR (#b = :or_1_b_eq))', { ':or_0_a_eq': { N: 1 }, ':or_1_b_eq': { N: 2 } }],
    ['not of a single comparison', { not: { a: { eq: 1 } } }, '(NOT (#a = :not_a_eq))', { ':not_a_eq': { N: 1 } }],
    ['not of a group', { not: { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] } }, '(NOT ((#a = :not_and_0_a_eq) AND (#b = :not_and_1_b_eq)))', { ':not_and_0_a_eq': { N: 1 }, ':not_and_1_b_eq': { N: 2 } }],
    ['not of a not', { not: { not: { a: { eq: 1 } } } }, '(NOT (NOT (#a = :not_not_a_eq)))', { ':not_not_a_eq': { N: 1 } }],
    ['not inside an and', { and: [{ not: { a: { eq: 1 } } }, { b: { eq: 2 } }] }, '((NOT (#a = :and_0_not_a_eq)) AND (#b = :and_1_b_eq))', { ':and_0_not_a_eq': { N: 1 }, ':and_1_b_eq': { N: 2 } }],
    ['an and inside an or', { or: [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] }, '(((#a = :or_0_and_0_a_eq) AND (#b = :or_0_and_1_b_eq)) OR (#c = :or_1_c_eq))', { ':or_0_and_0_a_eq': { N: 1 }, ':or_0_and_1_b_eq': { N: 2 }, ':or_1_c_eq': { N: 3 } }],
    ['an or inside an and', { and: [{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] }, '(((#a = :and_0_or_0_a_eq) OR (#b = :and_0_or_1_b_eq)) AND (#c = :and_1_c_eq))', { ':and_0_or_0_a_eq': { N: 1 }, ':and_0_or_1_b_eq': { N: 2 }, ':and_1_c_eq': { N: 3 } }],
    ['value names carry every level of the nesting', { and: [{ or: [{ and: [{ a: { eq: 1 } }] }] }] }, '(#a = :and_0_or_0_and_0_a_eq)', { ':and_0_or_0_and_0_a_eq': { N: 1 } }],
  ])('%s', (_name, input, expression, expressionValues) => {
    const fields = [...new Set(expression.match(/#\w+/g))];
    expect(filter(input)).toEqual({
      expression,
      expressionNames: Object.fromEntries(fields.map((name) => [name, name.slice(1)])),
      expressionValues,
    });
  });

  it('a field carrying two operators is wrapped', () => {
    expect(filter({ v: { ge: 1, le: 5 } })).toEqual({
      expression: '((#v >= :v_ge) AND (#v <= :v_le))',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_ge': { N: 1 }, ':v_le': { N: 5 } },
    });
  });

  it('a field beside a group', () => {
    expect(filter({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] })).toEqual({
      expression: '(#a = :a_eq) AND (#b = :and_0_b_eq)',
      expressionNames: { '#a': 'a', '#b': 'b' },
      expressionValues: { ':a_eq': { N: 1 }, ':and_0_b_eq': { N: 2 } },
    });
  });

  it('a field name is used verbatim, dots included', () => {
    expect(filter({ 'a.b': { eq: 1 } })).toEqual({
      expression: '(#a.b = :a.b_eq)',
      expressionNames: { '#a.b': 'a.b' },
      expressionValues: { ':a.b_eq': { N: 1 } },
    });
  });

  it('the condition variant renders the same as the filter variant', () => {
    // transform.test.js.snap "both entry points render a filter the same way" (obs)
    const inputs = [
      { content: { eq: 'x' } },
      { and: [{ content: { eq: 'x' } }, { version: { attributeExists: true } }] },
      { not: { id: { between: ['1', '9'] } } },
    ];
    expect(inputs.map(condition)).toEqual([
      { expression: '(#content = :content_eq)', expressionNames: { '#content': 'content' }, expressionValues: { ':content_eq': { S: 'x' } } },
      {
        expression: '((#content = :and_0_content_eq) AND (attribute_exists(#version)))',
        expressionNames: { '#content': 'content', '#version': 'version' },
        expressionValues: { ':and_0_content_eq': { S: 'x' } },
      },
      {
        expression: '(NOT (#id BETWEEN :not_id_between_start AND :not_id_between_end))',
        expressionNames: { '#id': 'id' },
        expressionValues: { ':not_id_between_start': { S: '1' }, ':not_id_between_end': { S: '9' } },
      },
    ]);
    expect(inputs.map(filter)).toEqual(inputs.map(condition));
  });

  it('renders the conditions and list filters Amplify generates', () => {
    expect([
      condition({ and: [{ id: { attributeExists: true } }, { _version: { eq: 1 } }] }),
      filter({ or: [{ content: { beginsWith: 'a' } }, { id: { between: ['1', '9'] } }] }),
      filter({ and: [{ content: { contains: 'a' } }, { done: { eq: true } }] }),
    ]).toEqual([
      {
        expression: '((attribute_exists(#id)) AND (#_version = :and_1__version_eq))',
        expressionNames: { '#id': 'id', '#_version': '_version' },
        expressionValues: { ':and_1__version_eq': { N: 1 } },
      },
      {
        expression: '((begins_with(#content,:or_0_content_beginsWith)) OR (#id BETWEEN :or_1_id_between_start AND :or_1_id_between_end))',
        expressionNames: { '#content': 'content', '#id': 'id' },
        expressionValues: { ':or_0_content_beginsWith': { S: 'a' }, ':or_1_id_between_start': { S: '1' }, ':or_1_id_between_end': { S: '9' } },
      },
      {
        expression: '((contains(#content,:and_0_content_contains)) AND (#done = :and_1_done_eq))',
        expressionNames: { '#content': 'content', '#done': 'done' },
        expressionValues: { ':and_0_content_contains': { S: 'a' }, ':and_1_done_eq': { BOOL: true } },
      },
    ]);
  });
});

describe('filters that render no expression (obs quirks, kept as AWS answers them)', () => {
  it.each([
    ['an empty filter', {}, '', {}, {}],
    ['an empty group', { and: [] }, '', {}, {}],
    ['a field without operators keeps its name', { v: {} }, '', { '#v': 'v' }, {}],
    ['a size without operators keeps the name of its field', { v: { size: {} } }, '', { '#v': 'v' }, {}],
    ['not of an empty filter', { not: {} }, '(NOT )', {}, {}],
    ['an empty list of values', { v: { in: [] } }, '(null)', { '#v': 'v' }, {}],
    ['an empty field beside a comparison leaves a dangling joiner', { a: { eq: 1 }, b: {} }, '(#a = :a_eq) AND ', { '#a': 'a', '#b': 'b' }, { ':a_eq': { N: 1 } }],
    ['an empty member of a group leaves a dangling joiner', { and: [{ a: { eq: 1 } }, {}] }, '((#a = :and_0_a_eq) AND )', { '#a': 'a' }, { ':and_0_a_eq': { N: 1 } }],
  ])('%s', (_name, input, expression, expressionNames, expressionValues) => {
    expect(filter(input)).toEqual({ expression, expressionNames, expressionValues });
  });
});

describe('filters that cannot be rendered answer null (obs)', () => {
  it.each([
    ['no filter at all', undefined],
    ['null', null],
    ['an array', []],
    ['a string', 'string'],
    ['an unknown operator', { v: { foo: 1 } }],
    ['a field holding a value instead of operators', { v: 'x' }],
    ['a field nested in a field', { a: { b: { eq: 1 } } }],
    ['an and given a map instead of a list', { and: { a: { eq: 1 } } }],
    ['an and given null', { and: null }],
    ['a group holding a null member', { and: [{ a: { eq: 1 } }, null] }],
    ['a not given a list', { not: [{ a: { eq: 1 } }] }],
    ['a range with a single bound', { v: { between: [1] } }],
    ['a range that is not a list', { v: { between: 'x' } }],
    ['a list of values that is not a list', { v: { in: 'x' } }],
    ['attributeExists given something other than a boolean', { v: { attributeExists: 'yes' } }],
    ['attributeType given a type code instead of a type name', { v: { attributeType: 'S' } }],
    ['attributeType given an unknown name', { v: { attributeType: 'bogus' } }],
    ['size given a value instead of operators', { v: { size: 3 } }],
  ])('%s', (_name, input) => {
    expect([transformUtil.toDynamoDBFilterExpression(input), transformUtil.toDynamoDBConditionExpression(input)]).toEqual([null, null]);
  });
});

describe('util.transform.toSubscriptionFilter (obs unless noted)', () => {
  const eq = (fieldName: string, value: unknown) => ({ fieldName, operator: 'eq', value });

  it('builds one group from one operator', () => {
    // spec: §8 item 93 (types)
    expect(transformUtil.toSubscriptionFilter({ status: { eq: 'OPEN' } })).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'status', operator: 'eq', value: 'OPEN' }] }],
    });
  });

  it.each([
    ['two fields are combined', { a: { eq: 1 }, b: { eq: 2 } }, [[eq('a', 1), eq('b', 2)]]],
    ['an and combines its members', { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, [[eq('a', 1), eq('b', 2)]]],
    ['a field beside an and', { z: { eq: 0 }, and: [{ a: { eq: 1 } }] }, [[eq('z', 0), eq('a', 1)]]],
    ['a field path is kept as written', { 'loc.addr.country': { eq: 'USA' } }, [[eq('loc.addr.country', 'USA')]]],
    ['two operators on one field are alternatives', { a: { eq: 1, ne: 2 } }, [[eq('a', 1)], [{ fieldName: 'a', operator: 'ne', value: 2 }]]],
    ['an or splits into a group per member', { or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, [[eq('a', 1)], [eq('b', 2)]]],
    ['an or nested in an and', { and: [{ a: { eq: 1 } }, { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] }] }, [[eq('a', 1), eq('b', 2)], [eq('a', 1), eq('c', 3)]]],
    ['a boolean value', { a: { eq: false } }, [[eq('a', false)]]],
    ['an unknown operator is passed through', { a: { bogus: 1 } }, [[{ fieldName: 'a', operator: 'bogus', value: 1 }]]],
    ['not is read as a field name', { not: { a: { eq: 1 } } }, [[{ fieldName: 'not', operator: 'a', value: { eq: 1 } }]]],
    ['an empty filter', {}, []],
    ['a field with no operator', { a: {} }, []],
    ['an empty and', { and: [] }, []],
  ])('%s', (_name, input, groups) => {
    expect(transformUtil.toSubscriptionFilter(input)).toEqual({ filterGroup: groups.map((filters) => ({ filters })) });
  });

  it('carries every operator through as written', () => {
    expect(
      transformUtil.toSubscriptionFilter({
        a: { le: 1 },
        b: { lt: 2 },
        c: { in: [1, 2] },
        d: { notIn: ['x'] },
        e: { between: [1, 9] },
        f: { contains: 'x' },
        g: { notContains: 'y' },
        h: { beginsWith: 'z' },
        i: { containsAny: ['x', 'y'] },
      }),
    ).toEqual({
      filterGroup: [
        {
          filters: [
            { fieldName: 'a', operator: 'le', value: 1 },
            { fieldName: 'b', operator: 'lt', value: 2 },
            { fieldName: 'c', operator: 'in', value: [1, 2] },
            { fieldName: 'd', operator: 'notIn', value: ['x'] },
            { fieldName: 'e', operator: 'between', value: [1, 9] },
            { fieldName: 'f', operator: 'contains', value: 'x' },
            { fieldName: 'g', operator: 'notContains', value: 'y' },
            { fieldName: 'h', operator: 'beginsWith', value: 'z' },
            { fieldName: 'i', operator: 'containsAny', value: ['x', 'y'] },
          ],
        },
      ],
    });
  });

  it('multiplies field operators, and-members and or-alternatives out in key order', () => {
    const input = {
      percentageUp: { lte: 50, gte: 20 },
      and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: 2000 } }],
      or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
    };
    const common = [
      { fieldName: 'title', operator: 'ne', value: 'Book1' },
      { fieldName: 'downvotes', operator: 'gt', value: 2000 },
    ];
    const lte = { fieldName: 'percentageUp', operator: 'lte', value: 50 };
    const gte = { fieldName: 'percentageUp', operator: 'gte', value: 20 };
    expect(transformUtil.toSubscriptionFilter(input)).toEqual({
      filterGroup: [
        { filters: [lte, ...common, eq('author', 'Admin')] },
        { filters: [lte, ...common, eq('isPublished', false)] },
        { filters: [gte, ...common, eq('author', 'Admin')] },
        { filters: [gte, ...common, eq('isPublished', false)] },
      ],
    });
  });

  it('drops ignored fields at any depth', () => {
    expect([
      transformUtil.toSubscriptionFilter({ a: { eq: 1 }, b: { eq: 2 } }, ['a']),
      transformUtil.toSubscriptionFilter({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, ['b']),
    ]).toEqual([{ filterGroup: [{ filters: [eq('b', 2)] }] }, { filterGroup: [{ filters: [eq('a', 1)] }] }]);
  });

  it('adds each rule as an alternative to every group', () => {
    expect([
      transformUtil.toSubscriptionFilter({ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: 'p' } }),
      transformUtil.toSubscriptionFilter({}, [], { r1: { eq: 1 } }),
    ]).toEqual([
      {
        filterGroup: [
          { filters: [eq('a', 1), { fieldName: 'r1', operator: 'gte', value: 250 }] },
          { filters: [eq('a', 1), eq('r2', 'p')] },
        ],
      },
      { filterGroup: [{ filters: [eq('r1', 1)] }] },
    ]);
  });

  it('answers null for input that is not a filter object', () => {
    expect([
      transformUtil.toSubscriptionFilter(null),
      transformUtil.toSubscriptionFilter(undefined),
      transformUtil.toSubscriptionFilter([]),
      transformUtil.toSubscriptionFilter('{"a":{"eq":1}}'),
      // unconfirmed: a nested part that is not a filter
      transformUtil.toSubscriptionFilter({ a: 1 }),
      transformUtil.toSubscriptionFilter({ or: { a: { eq: 1 } } }),
    ]).toEqual([null, null, null, null, null, null]);
  });
});

describe('util.transform.toElasticsearchQueryDSL', () => {
  it('renders the typings’ example as documented', () => {
    // spec §3.5 [types example]: @aws-appsync/utils lib/transform-utils.d.ts
    const json = transformUtil.toElasticsearchQueryDSL({ upvotes: { ne: 15, range: [10, 20] }, title: { eq: 'hihihi', wildcard: 'h*i' } });
    expect(JSON.parse(json ?? 'null')).toEqual({
      bool: {
        must: [
          { bool: { must: [{ bool: { must_not: { term: { upvotes: 15 } } } }, { range: { upvotes: { gte: 10, lte: 20 } } }] } },
          { bool: { must: [{ term: { title: 'hihihi' } }, { wildcard: { title: 'h*i' } }] } },
        ],
      },
    });
  });

  it('renders or, not and the remaining operators (unconfirmed)', () => {
    const json = transformUtil.toElasticsearchQueryDSL({
      or: [{ a: { match: 'x', matchPhrase: 'y', matchPhrasePrefix: 'z' } }, { b: { gt: 1, lte: 2, regexp: 'r.*', multiMatch: 'm' } }],
      not: { c: { exists: true } },
      d: { exists: false },
    });
    expect(JSON.parse(json ?? 'null')).toEqual({
      bool: {
        must: [
          {
            bool: {
              should: [
                { bool: { must: [{ bool: { must: [{ match: { a: 'x' } }, { match_phrase: { a: 'y' } }, { match_phrase_prefix: { a: 'z' } }] } }] } },
                {
                  bool: {
                    must: [
                      {
                        bool: {
                          must: [
                            { range: { b: { gt: 1 } } },
                            { range: { b: { lte: 2 } } },
                            { regexp: { b: 'r.*' } },
                            { multi_match: { query: 'm', fields: ['b'] } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          { bool: { must_not: { bool: { must: [{ bool: { must: [{ exists: { field: 'c' } }] } }] } } } },
          { bool: { must: [{ bool: { must_not: { exists: { field: 'd' } } } }] } },
        ],
      },
    });
  });

  it('answers null for input it cannot read (unconfirmed)', () => {
    expect([
      transformUtil.toElasticsearchQueryDSL(null),
      transformUtil.toElasticsearchQueryDSL({ a: { bogus: 1 } }),
      transformUtil.toElasticsearchQueryDSL({ a: { range: [1] } }),
    ]).toEqual([null, null, null]);
  });
});
