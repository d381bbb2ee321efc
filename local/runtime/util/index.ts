/**
 * The `util` object of APPSYNC_JS (spec appsync-js-runtime.md §3), with exactly the members of the
 * `Util` type of `@aws-appsync/utils` 2.1.1 — no more: the VTL-only helpers (`parseJson`, `isNull`,
 * `typeOf`, …) do not exist in APPSYNC_JS (spec §3.1, "Not present").
 *
 * Created once per runtime; the built-ins that depend on the evaluation in progress (clock, auth type,
 * appended errors, response headers) read it through `current()`. Each call builds fresh objects, so
 * two runtimes never share a mutable `util`.
 */
import type { Util } from '@aws-appsync/utils';
import type { CurrentState } from '../evaluation-state.js';
import { dynamodbUtil } from './dynamodb.js';
import { encodingUtils } from './encoding.js';
import { createErrorUtils } from './errors.js';
import { createHttpUtils } from './http.js';
import { createIdUtils } from './ids.js';
import { matchUtils } from './matches.js';
import { mathUtils } from './math.js';
import { rdsUtils } from './rds.js';
import { stringUtils } from './str.js';
import { createTimeUtils } from './time.js';
import { transformUtil } from './transform.js';
import { xmlUtils } from './xml.js';

/**
 * The member tree of a type: every function is just "a function". Checking the object against it
 * proves it has every member of `Util` (a missing one is a compile error) without asking our
 * implementations to repeat the typings' parameter types (they take `unknown`: resolver input is
 * unchecked JSON) or their return types (which omit the `null` several built-ins answer).
 */
type MemberTree<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? (...args: never[]) => unknown : MemberTree<T[K]>;
};

export function createUtil(current: CurrentState) {
  const util = {
    ...encodingUtils,
    ...createIdUtils(current),
    ...createErrorUtils(current),
    ...matchUtils,
    authType: (): string => current().authType,
    time: createTimeUtils(current),
    dynamodb: { ...dynamodbUtil },
    rds: { ...rdsUtils },
    http: createHttpUtils(current),
    xml: { ...xmlUtils },
    transform: { ...transformUtil },
    math: { ...mathUtils },
    str: { ...stringUtils },
  };
  return util satisfies MemberTree<Util>;
}

export type UtilObject = ReturnType<typeof createUtil>;
