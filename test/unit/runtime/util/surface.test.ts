/**
 * `util` has exactly the members of the `Util` type published in `@aws-appsync/utils` 2.1.1, no
 * more: a member missing from the typings is a compile error on AppSync (spec appsync-js-runtime.md
 * §1, key background fact), and the VTL-only helpers (`parseJson`, `isNull`, …) do not exist in
 * APPSYNC_JS (spec §3.1 "Not present"; checklist item 61 is the compile-time side, owned by the
 * runtime's TypeScript pass).
 */
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { utilWithState } from './state.js';

const require = createRequire(import.meta.url);

type MemberTree = { [name: string]: 'function' | MemberTree };

/** The member tree of `Util` as the TypeScript checker sees it in the published typings. */
function declaredUtilMembers(): MemberTree {
  const typings = require.resolve('@aws-appsync/utils/lib/index.d.ts');
  const program = ts.createProgram([typings], { noEmit: true, noLib: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(typings)!;
  const utilAlias = source.statements.find(
    (statement): statement is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(statement) && statement.name.text === 'Util',
  )!;
  const tree = (type: ts.Type): MemberTree =>
    Object.fromEntries(
      checker.getPropertiesOfType(type).map((symbol) => {
        const memberType = checker.getTypeOfSymbol(symbol);
        return [symbol.name, memberType.getCallSignatures().length > 0 ? 'function' : tree(memberType)];
      }),
    );
  return tree(checker.getTypeAtLocation(utilAlias.name));
}

function actualMembers(value: object): MemberTree {
  return Object.fromEntries(
    Object.entries(value).map(([name, member]) => [name, typeof member === 'function' ? 'function' : actualMembers(member as object)]),
  );
}

describe('util surface', () => {
  it('has every member of the Util typings and nothing else', () => {
    const declared = declaredUtilMembers();
    // The typings really were read: 13 functions and 8 namespaces at the top level.
    expect(Object.keys(declared)).toHaveLength(21);
    expect(actualMembers(utilWithState().util)).toEqual(declared);
  });

  it('has none of the VTL-only helpers', () => {
    const { util } = utilWithState();
    expect(['parseJson', 'toJson', 'isNull', 'isNullOrEmpty', 'isString', 'typeOf', 'qr', 'quiet', 'validate'].filter((name) => name in util)).toEqual([]);
  });

  it('builds fresh objects for each runtime', () => {
    const first = utilWithState().util;
    const second = utilWithState().util;
    expect([first.time === second.time, first.str === second.str, first.dynamodb === second.dynamodb]).toEqual([false, false, false]);
  });
});
