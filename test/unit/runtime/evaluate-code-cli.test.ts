/**
 * `liveboard evaluate-code` through the real entry point (`node bin/liveboard.js`), as users and
 * scripts run it (spec appsync-js-runtime.md §7, "Local CLI contract").
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function liveboard(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/liveboard.js', 'evaluate-code', ...args], { encoding: 'utf8' });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { exitCode: code, stdout, stderr };
  }
}

const FIXTURES = 'test/fixtures/runtime';
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'liveboard-evaluate-code-'));
  await writeFile(path.join(scratch, 'failed.json'), '{"error":{"message":"The conditional request failed","type":"DynamoDB:ConditionalCheckFailedException"}}');
  await writeFile(path.join(scratch, 'bad.json'), '{"arguments":');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

// A cold CLI loads TypeScript and ESLint (several seconds on a busy machine): generous timeouts.
describe('liveboard evaluate-code', { timeout: 120_000 }, () => {
  it('prints the EvaluateCode response of a request handler', async () => {
    const result = await liveboard('--code', `${FIXTURES}/getItem.js`, '--context', `${FIXTURES}/context.json`, '--function', 'request');
    expect({ ...result, stdout: JSON.parse(result.stdout) }).toEqual({
      exitCode: 0,
      stdout: {
        evaluationResult: '{"operation":"GetItem","key":{"id":{"S":"item-1"}}}',
        logs: ['INFO - code.js:5:3: "getting" "item-1"'],
        stash: '{"tenant":"t1"}',
        outErrors: '[]',
      },
      stderr: '',
    });
  });

  it('bundles a .ts code file first, and exits 0 when the evaluation ends in util.error', async () => {
    const result = await liveboard('--code', `${FIXTURES}/resolvers/Query.getItem.ts`, '--context', path.join(scratch, 'failed.json'), '--function', 'response');
    expect({ ...result, stdout: JSON.parse(result.stdout) }).toEqual({
      exitCode: 0,
      stdout: { error: { message: 'The conditional request failed' }, logs: [], stash: '{}', outErrors: '[]' },
      stderr: '',
    });
  });

  it.each<[string, string[], CliResult]>([
    [
      'a missing code file',
      ['--code', 'nope.js', '--context', `${FIXTURES}/context.json`],
      { exitCode: 2, stdout: '', stderr: 'liveboard evaluate-code: cannot read the code file nope.js (ENOENT)\n' },
    ],
    [
      'an unknown function',
      ['--code', `${FIXTURES}/getItem.js`, '--context', `${FIXTURES}/context.json`, '--function', 'handler'],
      {
        exitCode: 2,
        stdout: '',
        stderr: "liveboard evaluate-code: --function must be request or response, got 'handler' (usage: liveboard evaluate-code --code FILE --context FILE [--function request|response])\n",
      },
    ],
    [
      'a context file that is not JSON',
      ['--code', `${FIXTURES}/getItem.js`, '--context', 'BAD_JSON'],
      { exitCode: 2, stdout: '', stderr: 'liveboard evaluate-code: the context file BAD_JSON is not valid JSON (Unexpected end of JSON input)\n' },
    ],
    [
      'a missing --context',
      ['--code', `${FIXTURES}/getItem.js`],
      { exitCode: 2, stdout: '', stderr: 'liveboard evaluate-code: --code and --context are required (usage: liveboard evaluate-code --code FILE --context FILE [--function request|response])\n' },
    ],
  ])('refuses %s with one line on stderr', async (_name, args, expected) => {
    const badJson = path.join(scratch, 'bad.json');
    const withFiles = (text: string) => text.replaceAll('BAD_JSON', badJson);
    expect(await liveboard(...args.map(withFiles))).toEqual({ ...expected, stderr: withFiles(expected.stderr) });
  });
});
