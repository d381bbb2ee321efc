/**
 * The module object served as `@aws-appsync/utils/dynamodb` has exactly the exports the published
 * typings declare (spec appsync-js-runtime.md §4, checklist item 126: any other name is a compile
 * error on AppSync).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dynamodbModule } from '../../../../local/runtime/dynamodb/index.js';
import { dynamodbUtil } from '../../../../local/runtime/util/dynamodb.js';
import { transformUtil } from '../../../../local/runtime/util/transform.js';

const require = createRequire(import.meta.url);

const typings = readFileSync(require.resolve('@aws-appsync/utils/lib/dynamodb-helpers.d.ts'), 'utf8');

function declaredValueExports(): string[] {
  return [...new Set([...typings.matchAll(/^export declare (?:function|const) (\w+)/gm)].map((match) => match[1] as string))];
}

/** The method names of `type DynamoDBOperation = { … }`. */
function declaredOperations(): string[] {
  const body = typings.slice(typings.indexOf('type DynamoDBOperation = {'), typings.indexOf('\n};', typings.indexOf('type DynamoDBOperation = {')));
  return [...body.matchAll(/^ {4}(\w+)(?:<\w+>)?\(/gm)].map((match) => match[1] as string);
}

describe('@aws-appsync/utils/dynamodb module surface', () => {
  it('has exactly the functions and constants of lib/dynamodb-helpers.d.ts', () => {
    expect(declaredValueExports()).toHaveLength(16);
    expect(Object.keys(dynamodbModule).sort()).toEqual(declaredValueExports().sort());
  });

  it('offers every operation the typings declare', () => {
    expect(declaredOperations()).toHaveLength(8);
    expect(Object.keys(dynamodbModule.operations).sort()).toEqual(declaredOperations().sort());
  });

  it('is frozen, like util.dynamodb and util.transform, since every evaluation shares them', () => {
    expect([dynamodbModule, dynamodbModule.operations, dynamodbUtil, transformUtil].map(Object.isFrozen)).toEqual([true, true, true, true]);
  });
});
