/**
 * Everything AppSync checks when code is created, in one call: syntax and language rules
 * (./language-rules.ts), uses of the AppSync modules (./type-rules.ts) and the module's imports and
 * exports (./module-transform.ts). Code that passes comes back as a module factory ready to compile.
 *
 * The result depends on the text only, so it is cached by the text's hash: loading the same code
 * again (a server reload, a second local API in the same process) costs nothing. Checking many
 * modules at once (`prepareModules`, as the build does) shares one TypeScript program among them.
 * A `VerdictStore` keeps verdicts beyond the process (the build keeps one on disk).
 */
import { createHash } from 'node:crypto';
import type ts from 'typescript';
import { lintResolver } from './language-rules.js';
import { transformModule, type TransformedModule } from './module-transform.js';
import { checkAppSyncUsage } from './type-rules.js';
import { createModulePrograms, createSourcePrograms, parseModule, projectFilesOf } from './typescript-program.js';
import type { CodeError } from './types.js';

export type PreparedModule = TransformedModule | { problems: CodeError[] };

/** The cache key of a text: its SHA-256. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/**
 * What a check concluded about a text: its problems (none when it passes). A source file's verdict
 * also depends on the project files its program held (what it imports, types included): `inputs`
 * maps each of them to the hash of the text it was checked with.
 */
export interface Verdict {
  problems: CodeError[];
  inputs?: Record<string, string>;
}

/** Verdicts kept beyond the process; `get` answers only a verdict that still holds. */
export interface VerdictStore {
  get(key: string): Verdict | undefined;
  set(key: string, verdict: Verdict): void;
}

const prepared = new Map<string, PreparedModule>();

/**
 * Checks APPSYNC_JS modules (the code as sent to AppSync) and builds their factories, in order. A
 * module `store` has a verdict for is not checked again; its factory is built from the text alone.
 */
export function prepareModules(sources: readonly string[], store?: VerdictStore): PreparedModule[] {
  const keys = sources.map(textHash);
  const unchecked: Array<[string, string]> = [];
  for (const [key, source] of new Map(sources.map((source, index) => [keys[index]!, source]))) {
    if (prepared.has(key)) continue;
    const verdict = store?.get(`module:${key}`);
    if (verdict) prepared.set(key, verdict.problems.length > 0 ? { problems: verdict.problems } : transformModule(parseModule(source)));
    else unchecked.push([key, source]);
  }
  if (unchecked.length > 0) {
    const programs = createModulePrograms(unchecked.map(([, source]) => source));
    unchecked.forEach(([key, source], index) => {
      const result = check(programs[index]!.program, programs[index]!.fileName, source);
      prepared.set(key, result);
      store?.set(`module:${key}`, { problems: 'problems' in result ? result.problems : [] });
    });
  }
  return keys.map((key) => prepared.get(key)!);
}

/** Checks an APPSYNC_JS module (the code as sent to AppSync) and builds its factory. */
export function prepareModule(source: string): PreparedModule {
  return prepareModules([source])[0]!;
}

function check(program: ts.Program, fileName: string, source: string): PreparedModule {
  const lintProblems = lintResolver(program, fileName, source);
  if (lintProblems.some((problem) => problem.errorType === 'PARSER_ERROR')) return { problems: lintProblems };
  const problems = [...lintProblems, ...checkAppSyncUsage(program, fileName)];
  const transformed = transformModule(program.getSourceFile(fileName)!);
  if ('problems' in transformed) problems.push(...transformed.problems);
  if (problems.length > 0) return { problems: sortByLocation(problems) };
  return transformed;
}

function sortByLocation(problems: CodeError[]): CodeError[] {
  return [...problems].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}

const linted = new Map<string, CodeError[]>();

/**
 * Lints resolvers' TypeScript sources (at build time, before bundling): language rules only. Answers
 * each file's problems, in order. Cached by file and text, so a rebuild re-lints only what changed
 * (and what `store` has no verdict for); what is left is linted with one program.
 */
export function lintResolverSources(files: ReadonlyArray<{ fileName: string; text: string }>, store?: VerdictStore): CodeError[][] {
  const keys = files.map(({ fileName, text }) => `${fileName}\0${textHash(text)}`);
  const unlinted = new Map<string, string>();
  files.forEach(({ fileName, text }, index) => {
    const key = keys[index]!;
    if (linted.has(key)) return;
    const verdict = store?.get(`source:${key}`);
    if (verdict) linted.set(key, verdict.problems);
    else unlinted.set(fileName, text);
  });
  if (unlinted.size > 0) {
    const programs = createSourcePrograms(unlinted);
    for (const [fileName, text] of unlinted) {
      const program = programs.get(fileName)!;
      const key = `${fileName}\0${textHash(text)}`;
      linted.set(key, lintResolver(program, fileName, text));
      const inputs = Object.fromEntries(projectFilesOf(program).map((input) => [input, textHash(program.getSourceFile(input)!.text)]));
      store?.set(`source:${key}`, { problems: linted.get(key)!, inputs });
    }
  }
  return keys.map((key) => linted.get(key)!);
}
