/**
 * Everything AppSync checks when code is created, in one call: syntax and language rules
 * (./language-rules.ts), uses of the AppSync modules (./type-rules.ts) and the module's imports and
 * exports (./module-transform.ts). Code that passes comes back as a module factory ready to compile.
 *
 * The result depends on the text only, so it is cached by text: loading the same code again (a
 * server reload, a test suite) costs nothing.
 */
import { createHash } from 'node:crypto';
import { lintResolver } from './language-rules.js';
import { transformModule, type TransformedModule } from './module-transform.js';
import { checkAppSyncUsage } from './type-rules.js';
import { createModuleProgram, createSourceProgram, MODULE_FILE_NAME } from './typescript-program.js';
import type { CodeError } from './types.js';

export type PreparedModule = TransformedModule | { problems: CodeError[] };

const prepared = new Map<string, PreparedModule>();

/** Checks an APPSYNC_JS module (the code as sent to AppSync) and builds its factory. */
export function prepareModule(source: string): PreparedModule {
  const key = createHash('sha256').update(source).digest('base64');
  let result = prepared.get(key);
  if (!result) {
    result = check(source);
    prepared.set(key, result);
  }
  return result;
}

function check(source: string): PreparedModule {
  const program = createModuleProgram(source);
  const lintProblems = lintResolver(program, MODULE_FILE_NAME, source);
  if (lintProblems.some((problem) => problem.errorType === 'PARSER_ERROR')) return { problems: lintProblems };
  const problems = [...lintProblems, ...checkAppSyncUsage(program)];
  const transformed = transformModule(program.getSourceFile(MODULE_FILE_NAME)!);
  if ('problems' in transformed) problems.push(...transformed.problems);
  if (problems.length > 0) return { problems: sortByLocation(problems) };
  return transformed;
}

function sortByLocation(problems: CodeError[]): CodeError[] {
  return [...problems].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}

const linted = new Map<string, CodeError[]>();

/**
 * Lints a resolver's TypeScript source (at build time, before bundling): language rules only.
 * Cached by file and text, so a rebuild re-lints only what changed.
 */
export function lintResolverSource(fileName: string, text: string): CodeError[] {
  const key = `${fileName}\0${createHash('sha256').update(text).digest('base64')}`;
  let problems = linted.get(key);
  if (!problems) {
    problems = lintResolver(createSourceProgram(fileName, text), fileName, text);
    linted.set(key, problems);
  }
  return problems;
}
