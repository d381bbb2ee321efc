/**
 * `console` for resolver code: each call becomes one line of the evaluation's `logs` (CloudWatch on
 * AWS, `logs` in EvaluateCode; spec appsync-js-runtime.md §2.1, §7). Line format as in AWS's
 * EvaluateCode example (AppSync guide "Testing your resolvers"):
 * `INFO - code.js:5:3: "current id" "record-id"` — level, the call's position, then every argument
 * as JSON, separated by spaces. `console.error` writes `ERROR`; `warn`/`debug` (their availability on
 * AppSync is unconfirmed) write `WARN`/`DEBUG`.
 */
import { formatLocation, type CodeLocation } from './code-locations.js';
import type { CurrentState } from './evaluation-state.js';

function formatArgument(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

export function createConsole(current: CurrentState, callSite: () => CodeLocation) {
  const writer =
    (level: string) =>
    (...args: unknown[]): void => {
      current().logs.push(`${level} - ${formatLocation(callSite())}: ${args.map(formatArgument).join(' ')}`);
    };
  return { log: writer('INFO'), info: writer('INFO'), debug: writer('DEBUG'), warn: writer('WARN'), error: writer('ERROR') };
}
