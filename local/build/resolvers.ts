/**
 * The resolver build step: each APPSYNC_JS code file (`resolvers/**.ts`) becomes one ESM file in the
 * form AppSync accepts — bundled by esbuild (format esm, target es2020, `@aws-appsync/utils` and
 * `@aws-appsync/utils/dynamodb` left as imports, no source map) and at most 32,768 characters
 * (spec appsync-js-runtime.md §1.1). CDK deploys these files and the local runtime loads the very
 * same ones.
 *
 * A file only builds if AppSync would accept it: its TypeScript source is linted with the AppSync
 * rules (positions in the file people edit), and the bundle is checked as AppSync checks code at
 * creation (./../runtime/module-check.ts). Every problem of every file is reported at once.
 */
import { build, type Message } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_CODE_LENGTH } from '../runtime/evaluator.js';
import { lintResolverSource, prepareModule } from '../runtime/module-check.js';
import type { CodeError } from '../runtime/types.js';

/** The modules AppSync provides: imported at run time, never bundled. */
const APPSYNC_MODULES = ['@aws-appsync/utils', '@aws-appsync/utils/dynamodb'];

export interface ResolverBuildProblem {
  /** The code file, as given. */
  file: string;
  /** One line: where and what. */
  message: string;
}

/** One or more code files cannot be built; the message lists every problem, one per line. */
export class ResolverBuildError extends Error {
  constructor(readonly problems: ResolverBuildProblem[]) {
    super(['Resolver code cannot be built:', ...problems.map(({ message }) => `  ${message}`)].join('\n'));
    this.name = 'ResolverBuildError';
  }
}

function describeEsbuildMessage(file: string, message: Message): string {
  const location = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}` : file;
  return `${location}: ${message.text}`;
}

function describeCodeError(file: string, { errorType, value, location, rule }: CodeError): string {
  return `${file}:${location.line}:${location.column}: ${errorType} ${value}${rule ? ` (${rule})` : ''}`;
}

/**
 * Bundles one code file (a path, absolute or relative to the current directory) with esbuild. Throws
 * `ResolverBuildError` when esbuild fails or the bundle is over AppSync's 32,768 characters.
 */
export async function bundleResolver(file: string): Promise<{ code: string }> {
  let text: string;
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2020',
      platform: 'node',
      external: APPSYNC_MODULES,
      sourcemap: false,
      logLevel: 'silent',
    });
    text = result.outputFiles[0]!.text;
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!errors) throw error;
    throw new ResolverBuildError(errors.map((message) => ({ file, message: describeEsbuildMessage(file, message) })));
  }
  if (text.length > MAX_CODE_LENGTH) {
    throw new ResolverBuildError([
      { file, message: `${file}: the bundle is ${text.length.toLocaleString('en-US')} characters; AppSync accepts at most ${MAX_CODE_LENGTH.toLocaleString('en-US')} (split the resolver or import less)` },
    ]);
  }
  return { code: text };
}

/** Where the bundle of `file` goes: `<bundleDir>/<path below resolvers/>.js`. */
export function resolverBundlePath(file: string, options: { projectRoot: string; bundleDir: string }): string {
  const relative = path.relative(options.projectRoot, path.resolve(options.projectRoot, file));
  const belowResolvers = relative.startsWith(`resolvers${path.sep}`) ? relative.slice('resolvers'.length + 1) : relative;
  return path.join(options.bundleDir, belowResolvers.replace(/\.[cm]?[jt]s$/, '') + '.js');
}

/** Lints, bundles and checks one file; returns its bundle text, or its problems. */
async function buildOne(file: string, projectRoot: string): Promise<{ code: string } | { problems: ResolverBuildProblem[] }> {
  const absolute = path.resolve(projectRoot, file);
  let source: string;
  try {
    source = await readFile(absolute, 'utf8');
  } catch (error) {
    return { problems: [{ file, message: `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }] };
  }
  const sourceProblems = lintResolverSource(absolute, source);
  if (sourceProblems.length > 0) return { problems: sourceProblems.map((problem) => ({ file, message: describeCodeError(file, problem) })) };
  let bundle: { code: string };
  try {
    bundle = await bundleResolver(absolute);
  } catch (error) {
    if (error instanceof ResolverBuildError) return { problems: error.problems.map((problem) => ({ ...problem, file })) };
    throw error;
  }
  const prepared = prepareModule(bundle.code);
  if ('problems' in prepared) {
    return { problems: prepared.problems.map((problem) => ({ file, message: describeCodeError(`${file} (bundled)`, problem) })) };
  }
  return bundle;
}

/**
 * Builds every code file (paths relative to `projectRoot`, as the API definition spells them) into
 * `bundleDir` and answers file → bundle path. Throws `ResolverBuildError` listing every problem of
 * every file if any fails; the bundles of failing files are removed so nothing stale is deployed.
 */
export async function bundleResolvers(files: string[], options: { projectRoot: string; bundleDir: string }): Promise<Map<string, string>> {
  const results = await Promise.all(files.map(async (file) => ({ file, result: await buildOne(file, options.projectRoot) })));
  const bundles = new Map<string, string>();
  const problems: ResolverBuildProblem[] = [];
  for (const { file, result } of results) {
    const output = resolverBundlePath(file, options);
    if ('problems' in result) {
      problems.push(...result.problems);
      await rm(output, { force: true });
      continue;
    }
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, result.code);
    bundles.set(file, output);
  }
  if (problems.length > 0) throw new ResolverBuildError(problems);
  return bundles;
}
