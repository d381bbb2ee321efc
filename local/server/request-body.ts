/**
 * Reading an HTTP request body as UTF-8 text, bounded so that one huge request cannot exhaust memory.
 */
import type { IncomingMessage } from 'node:http';

export type BodyReadResult = { kind: 'complete'; text: string } | { kind: 'tooLarge' };

/**
 * Resolves with the whole body, or with `tooLarge` as soon as more than `limitBytes` arrived (the rest
 * is drained and discarded so that the connection can still carry the 413 answer). Never rejects: a
 * client that aborts mid-body yields what arrived, and the reply to it goes nowhere.
 */
export function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<BodyReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limitBytes) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    const finish = (): void => {
      resolve(tooLarge ? { kind: 'tooLarge' } : { kind: 'complete', text: Buffer.concat(chunks).toString('utf8') });
    };
    request.on('end', finish);
    request.on('error', finish);
    request.on('aborted', finish);
  });
}
