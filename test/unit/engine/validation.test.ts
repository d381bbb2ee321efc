/**
 * Request-level errors: validation in graphql-java's wording, syntax, operation selection and variables.
 * All are HTTP-200 bodies with `data: null` and errors of exactly `path`, `locations`, `message`.
 * Spec: shared/spec/appsync-graphql-engine.md §1.2, §1.4, §1.5, §7 items 10-14, 17, 23. FieldUndefined,
 * UnknownType and WrongType texts are observed; the other texts follow graphql-java (unconfirmed).
 */
import { describe, expect, it } from 'vitest';
import { SCHEMA_S, engineFor, request } from './support/engine-fixture.js';

const engine = engineFor(SCHEMA_S);

type At = [line: number, column: number] | null;

function rejection(...errors: Array<[At, string]>) {
  return {
    data: null,
    errors: errors.map(([at, message]) => ({
      path: null,
      locations: at === null ? null : [{ line: at[0], column: at[1], sourceName: null }],
      message,
    })),
  };
}

async function bodyOf(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const outcome = await engine.execute(request(query, { variables: variables ?? null, operationName: operationName ?? null }));
  expect(outcome.publications).toEqual([]);
  return outcome.body;
}

describe('validation errors', () => {
  it('unknown field (spec §7 items 10-11)', async () => {
    const body = await bodyOf('{ badfield }');
    expect(body).toEqual(rejection([[1, 3], "Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'"]));
    expect(Object.keys(body.errors![0]!)).toEqual(['path', 'locations', 'message']);
  });

  it('one error per violation, in document order (spec §7 item 12)', async () => {
    expect(await bodyOf('{ badfield getPost(id: "1") { nope: zzz } }')).toEqual(
      rejection(
        [[1, 3], "Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'"],
        [[1, 31], "Validation error of type FieldUndefined: Field 'zzz' in type 'Post' is undefined @ 'getPost/nope'"],
      ),
    );
  });

  it('unknown variable type comes before the unused-variable report (spec §7 item 13)', async () => {
    expect(await bodyOf('query Q($x: Nope) { noResolver }')).toEqual(
      rejection(
        [[1, 13], 'Validation error of type UnknownType: Unknown type Nope'],
        [[1, 9], 'Validation error of type UnusedVariable: Unused variable x'],
      ),
    );
  });

  it.each([
    ['{ getPost { id } }', [1, 3], "Validation error of type MissingFieldArgument: Missing field argument id @ 'getPost'"],
    ['{ getPost(id: "1", nope: 1) { id } }', [1, 20], "Validation error of type UnknownArgument: Unknown field argument nope @ 'getPost'"],
    ['{ getPost(id: "1") }', [1, 3], "Validation error of type SubSelectionRequired: Sub selection required for type Post of field getPost @ 'getPost'"],
    ['{ noResolver { x } }', [1, 14], "Validation error of type SubSelectionNotAllowed: Sub selection not allowed on leaf type String of field noResolver @ 'noResolver'"],
    ['query($x: String) { getPost(id: $x) { id } }', [1, 33], "Validation error of type VariableTypeMismatch: Variable type 'String' doesn't match expected type 'ID!' @ 'getPost'"],
    ['{ getPost(id: $y) { id } }', [1, 15], "Validation error of type UndefinedVariable: Undefined variable y @ 'getPost'"],
    ['{ noResolver } fragment F on Post { id }', [1, 16], 'Validation error of type UnusedFragment: Unused fragment F'],
    ['{ getPost(id: "1") { ...G } }', [1, 25], "Validation error of type UndefinedFragment: Undefined fragment G @ 'getPost'"],
    ['query A { noResolver } query A { noResolver }', [1, 30], "Validation error of type DuplicateOperationName: There can be only one operation named 'A'"],
    ['{ noResolver } query B { noResolver }', [1, 1], 'Validation error of type LoneAnonymousOperationViolation: Anonymous operation with other operations.'],
    ['{ getPost(id: "1") { x: id x: title } }', [1, 22], "Validation error of type FieldsConflict: x: id and title are different fields @ 'getPost/x'"],
    ['{ noResolver @nope }', [1, 14], "Validation error of type UnknownDirective: Unknown directive nope @ 'noResolver'"],
    [
      '{ echoArgs(input: { tags: ["a"] }) }',
      [1, 19],
      "Validation error of type WrongType: argument 'input' with value 'ObjectValue{objectFields=[ObjectField{name='tags', value=ArrayValue{values=[StringValue{value='a'}]}}]}' is missing required fields '[title]' @ 'echoArgs'",
    ],
    [
      '{ echoArgs(input: { title: "t", when: "2020" }) }',
      [1, 39],
      "Validation error of type WrongType: argument 'input.when' with value 'StringValue{value='2020'}' is not a valid 'AWSDateTime' @ 'echoArgs'",
    ],
    ['{ echoArgs(b: "1") }', [1, 15], "Validation error of type WrongType: argument 'b' with value 'StringValue{value='1'}' is not a valid 'Int' @ 'echoArgs'"],
  ] as Array<[string, [number, number], string]>)('%s', async (query, at, message) => {
    expect(await bodyOf(query)).toEqual(rejection([at, message]));
  });

  it('introspection fields are FieldUndefined when introspection is disabled, __typename still works (spec §7 item 91)', async () => {
    const closed = engineFor(SCHEMA_S, { limits: { introspection: 'DISABLED' } });
    expect((await closed.execute(request('{ __schema { types { name } } }'))).body).toEqual(
      rejection([[1, 3], "Validation error of type FieldUndefined: Field '__schema' in type 'Query' is undefined @ '__schema'"]),
    );
    expect((await closed.execute(request('{ __typename }'))).body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('syntax and operation selection (unconfirmed texts, spec §1.4)', () => {
  it.each([
    ['{ getPost(id: "1") { id }', [1, 26], "Invalid Syntax : offending token '<EOF>' at line 1 column 26"],
    ['{ getPost(id: "1" { id } }', [1, 19], "Invalid Syntax : offending token '{' at line 1 column 19"],
    ['{\n  noResolver ]\n}', [2, 14], "Invalid Syntax : offending token ']' at line 2 column 14"],
    ['{ "unterminated }', [1, 18], "Invalid Syntax : offending token '<EOF>' at line 1 column 18"],
  ] as Array<[string, [number, number], string]>)('%j', async (query, at, message) => {
    expect(await bodyOf(query)).toEqual(rejection([at, message]));
  });

  it('several operations without operationName', async () => {
    expect(await bodyOf('query A { noResolver } query B { noResolver }')).toEqual(
      rejection([null, 'Must provide operation name if query contains multiple operations.']),
    );
  });

  it('operationName not in the document', async () => {
    expect(await bodyOf('query A { noResolver }', undefined, 'Z')).toEqual(rejection([null, "Unknown operation named 'Z'."]));
  });

  it.each([
    ['mutation { x }', 'Schema is not configured for mutations.'],
    ['subscription { x }', 'Schema is not configured for subscriptions.'],
  ])('%s on a schema without that root type', async (query, message) => {
    const queryOnly = engineFor('type Query { x: Int }');
    expect((await queryOnly.execute(request(query))).body).toEqual(rejection([null, message]));
  });

  it('variables that are not a JSON object count as none', async () => {
    const outcome = await engine.execute(request('query($a: String) { echoArgs(a: $a) }', { variables: ['x'] as unknown as Record<string, unknown> }));
    expect(outcome.body).toEqual({ data: { echoArgs: null } });
  });

  it('null variables and operationName are accepted (spec §7 item 14)', async () => {
    expect(await bodyOf('query A { noResolver } query B { noResolver }', undefined, 'B')).toEqual({ data: { noResolver: null } });
    expect(await bodyOf('{ noResolver }')).toEqual({ data: { noResolver: null } });
  });
});

describe('variable errors', () => {
  it('missing value for a non-null variable (spec §7 item 17, wording unconfirmed)', async () => {
    expect(await bodyOf('query($id: ID!) { getPost(id: $id) { id } }', {})).toEqual(
      rejection([[1, 7], "Variable 'id' has coerced Null value for NonNull type 'ID!'"]),
    );
  });

  it('explicit null for a non-null variable', async () => {
    expect(await bodyOf('query($id: ID!) { getPost(id: $id) { id } }', { id: null })).toEqual(
      rejection([[1, 7], "Variable 'id' has coerced Null value for NonNull type 'ID!'"]),
    );
  });

  it('one error per bad variable, each at its definition (spec §7 item 23)', async () => {
    const query = 'query(\n  $d: AWSDate,\n  $b: Int,\n  $p: PostInput\n) { echoDate(d: $d) echoArgs(b: $b, input: $p) }';
    expect(await bodyOf(query, { d: 'x', b: 'y', p: { tags: [] } })).toEqual(
      rejection(
        [[2, 3], "Variable 'd' has an invalid value. Unable to parse `x` as a valid date."],
        [[3, 3], "Variable 'b' has an invalid value. Expected type 'Int' but was 'String'."],
        [[4, 3], 'Variable \'p\' has an invalid value. Field "title" of required type "String!" was not provided.'],
      ),
    );
  });

  it('checks scalars nested in input objects', async () => {
    expect(await bodyOf('query($p: PostInput) { echoArgs(input: $p) }', { p: { title: 't', when: 'bad' } })).toEqual(
      rejection([[1, 7], "Variable 'p' has an invalid value. Unable to parse `bad` as a valid DateTime Object."]),
    );
  });
});
