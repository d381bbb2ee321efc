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
 * The checks' verdicts are kept in the bundle directory (./check-cache.ts): a rebuild with unchanged
 * sources, in this process or the next, does not check again.
 */
import { build, type Message } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_CODE_LENGTH } from '../runtime/evaluator.js';
import { lintResolverSources, prepareModules, type VerdictStore } from '../runtime/module-check.js';
import type { CodeError } from '../runtime/types.js';
import { DiskVerdictStore } from './check-cache.js';

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

type BuildResult = { code: string } | { problems: ResolverBuildProblem[] };

async function readSource(file: string, projectRoot: string): Promise<{ fileName: string; text: string } | { problems: ResolverBuildProblem[] }> {
  const fileName = path.resolve(projectRoot, file);
  try {
    return { fileName, text: await readFile(fileName, 'utf8') };
  } catch (error) {
    return { problems: [{ file, message: `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }] };
  }
}

async function bundleOrProblems(file: string, fileName: string): Promise<BuildResult> {
  try {
    return await bundleResolver(fileName);
  } catch (error) {
    if (error instanceof ResolverBuildError) return { problems: error.problems.map((problem) => ({ ...problem, file })) };
    throw error;
  }
}

/**
 * Reads, lints, bundles and checks every file; answers, per file in order, its bundle text or its
 * problems. Each step takes all the files at once, so that the sources are linted with one TypeScript
 * program and the bundles checked with another.
 */
async function buildAll(files: string[], projectRoot: string, store: VerdictStore): Promise<BuildResult[]> {
  const sources = await Promise.all(files.map((file) => readSource(file, projectRoot)));
  const readable = sources.flatMap((source) => ('problems' in source ? [] : [source]));
  const lintProblems = new Map(lintResolverSources(readable, store).map((problems, index) => [readable[index]!, problems]));
  const bundled = await Promise.all(
    sources.map(async (source, index): Promise<BuildResult> => {
      if ('problems' in source) return source;
      const problems = lintProblems.get(source)!;
      if (problems.length > 0) return { problems: problems.map((problem) => ({ file: files[index]!, message: describeCodeError(files[index]!, problem) })) };
      return bundleOrProblems(files[index]!, source.fileName);
    }),
  );
  const bundles = bundled.flatMap((result) => ('code' in result ? [result.code] : []));
  const checks = new Map(prepareModules(bundles, store).map((prepared, index) => [bundles[index]!, prepared]));
  return bundled.map((result, index) => {
    if (!('code' in result)) return result;
    const prepared = checks.get(result.code)!;
    if (!('problems' in prepared)) return result;
    const file = files[index]!;
    return { problems: prepared.problems.map((problem) => ({ file, message: describeCodeError(`${file} (bundled)`, problem) })) };
  });
}

/**
 * Builds every code file (paths relative to `projectRoot`, as the API definition spells them) into
 * `bundleDir` and answers file → bundle path. Throws `ResolverBuildError` listing every problem of
 * every file if any fails; the bundles of failing files are removed so nothing stale is deployed.
 */
export async function bundleResolvers(files: string[], options: { projectRoot: string; bundleDir: string }): Promise<Map<string, string>> {
  const store = DiskVerdictStore.open(options.bundleDir);
  const results = await buildAll(files, options.projectRoot, store);
  await store.save();
  const bundles = new Map<string, string>();
  const problems: ResolverBuildProblem[] = [];
  for (const [index, result] of results.entries()) {
    const file = files[index]!;
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
