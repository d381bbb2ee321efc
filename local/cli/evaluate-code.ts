/**
 * `liveboard evaluate-code --code FILE --context FILE [--function request|response]`: evaluates one
 * handler like AppSync's EvaluateCode API and prints its response as one JSON object (spec
 * appsync-js-runtime.md §7; CLI contract in shared/design/architecture.md).
 *
 * The code file is the module as it would be sent to AppSync; a `.ts` file is bundled first, as the
 * build step bundles it. Exit codes: 0 when the API would answer 200 (also when the answer carries an
 * `error`), 1 when it would answer 400 (`BadRequestException`, e.g. a context over 28,000 characters)
 * or the `.ts` file cannot be bundled, 2 for usage errors (missing option or file, a context file that
 * is not JSON, unknown function), all checked before the runtime is loaded.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BadRequestException } from '../errors.js';

const USAGE = 'usage: liveboard evaluate-code --code FILE --context FILE [--function request|response]';

/** One line on stderr (with the usage when the command line itself is wrong). */
function fail(message: string, exitCode: number, withUsage = false): number {
  process.stderr.write(`liveboard evaluate-code: ${message}${withUsage ? ` (${USAGE})` : ''}\n`);
  return exitCode;
}

async function readText(kind: string, file: string): Promise<string | { problem: string }> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    return { problem: `cannot read the ${kind} file ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { code: { type: 'string' }, context: { type: 'string' }, function: { type: 'string', default: 'request' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail((error as Error).message, 2, true);
  }
  if (!values.code || !values.context) return fail('--code and --context are required', 2, true);
  if (values.function !== 'request' && values.function !== 'response') {
    return fail(`--function must be request or response, got '${values.function}'`, 2, true);
  }

  const context = await readText('context', values.context);
  if (typeof context !== 'string') return fail(context.problem, 2);
  try {
    JSON.parse(context);
  } catch (error) {
    return fail(`the context file ${values.context} is not valid JSON (${(error as Error).message})`, 2);
  }
  let code = await readText('code', values.code);
  if (typeof code !== 'string') return fail(code.problem, 2);
  // Loaded only now: usage errors answer without paying for ESLint, TypeScript and esbuild.
  const { bundleResolver, ResolverBuildError } = await import('../build/resolvers.js');
  const { evaluateCode } = await import('../runtime/index.js');
  if (values.code.endsWith('.ts')) {
    try {
      code = (await bundleResolver(values.code)).code;
    } catch (error) {
      if (error instanceof ResolverBuildError) return fail(error.problems.map(({ message }) => message).join('; '), 1);
      throw error;
    }
  }

  try {
    const response = evaluateCode({ code, context, function: values.function, runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' } });
    process.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BadRequestException) return fail(`${error.errorType}: ${error.message}`, 1);
    throw error;
  }
}
