/**
 * The server's WebSocket text frames (RFC 6455 §5.2), read back by `ws`'s own receiver as a client reads them.
 */
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { textFrame } from '../../../local/realtime/text-frame.js';

/** `ws`'s frame parser, which its typings do not declare. */
const { Receiver } = createRequire(import.meta.url)('ws') as { Receiver: new (options: { isServer: boolean }) => Writable };

/** Feeds frames to a client-side `ws` receiver and answers the messages it decoded. */
function receive(frames: Buffer[]): Promise<Array<{ text: string; isBinary: boolean }>> {
  const receiver = new Receiver({ isServer: false });
  const messages: Array<{ text: string; isBinary: boolean }> = [];
  receiver.on('message', (data: Buffer, isBinary: boolean) => messages.push({ text: data.toString('utf8'), isBinary }));
  return new Promise((resolve, reject) => {
    receiver.on('error', reject);
    receiver.end(Buffer.concat(frames), () => resolve(messages));
  });
}

describe('textFrame', () => {
  it('frames short, 16-bit and 64-bit lengths, UTF-8 included, as a client decodes them', async () => {
    const texts = ['{"type":"ka"}', `{"a":"${'é'.repeat(100)}"}`, 'x'.repeat(65_535), 'y'.repeat(70_000), ''];
    expect(await receive(texts.map((text) => textFrame(Buffer.from(text))))).toEqual(texts.map((text) => ({ text, isBinary: false })));
  });

  it('joins its parts into one payload', async () => {
    expect(await receive([textFrame(Buffer.from('{"id":"1",'), Buffer.from('"type":"data"'), Buffer.from('}'))])).toEqual([{ text: '{"id":"1","type":"data"}', isBinary: false }]);
  });

  it('uses the shortest length encoding (RFC 6455 §5.2)', () => {
    const frameOf = (length: number) => textFrame(Buffer.alloc(length, 'x'));
    expect([frameOf(125).subarray(0, 2), frameOf(126).subarray(0, 4), frameOf(65_536).subarray(0, 10)]).toEqual([
      Buffer.from([0x81, 125]),
      Buffer.from([0x81, 126, 0, 126]),
      Buffer.from([0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]),
    ]);
  });
});
