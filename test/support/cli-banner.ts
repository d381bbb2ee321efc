/**
 * Reading `liveboard start` run as a child process: the banner it prints once it serves
 * (see local/cli/start.ts), for the suites that start the CLI as users run it.
 */
import type { ChildProcess } from 'node:child_process';

export interface CliBanner {
  url: string;
  apiKey: string;
  /** The PEM certificate of wss:// on the same port. */
  certificatePath: string;
  /** Everything the child printed so far (stdout and stderr). */
  output(): string;
}

/** Resolves once the CLI printed its whole banner; rejects if it exits first. */
export function waitForBanner(child: ChildProcess): Promise<CliBanner> {
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /GraphQL\s+(\S+)/.exec(output)?.[1];
      const apiKey = /API key\s+(\S+)/.exec(output)?.[1];
      const certificatePath = /TLS cert\s+(\S+)/.exec(output)?.[1];
      if (url && apiKey && certificatePath && output.includes('Press Ctrl-C')) resolve({ url, apiKey, certificatePath, output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`liveboard start exited with ${code}:\n${output}`)));
  });
}
