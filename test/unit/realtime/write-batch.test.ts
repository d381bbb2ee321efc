/**
 * Frames written during one event-loop turn leave together at its end (local/realtime/write-batch.ts).
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { WriteBatch } from '../../../local/realtime/write-batch.js';

/** A stream that records each underlying write (one `writev` of several chunks counts as one). */
function recordingStream(): { stream: Writable; writes: string[][] } {
  const writes: string[][] = [];
  const stream = new Writable({
    writev(chunks, callback) {
      writes.push(chunks.map(({ chunk }) => String(chunk)));
      callback();
    },
    write(chunk, _encoding, callback) {
      writes.push([String(chunk)]);
      callback();
    },
  });
  return { stream, writes };
}

describe('WriteBatch', () => {
  it('holds every stream written to in this turn and lets them out together once flushed', async () => {
    const batch = new WriteBatch();
    const a = recordingStream();
    const b = recordingStream();
    for (const [target, text] of [[a, 'a1'], [b, 'b1'], [a, 'a2']] as const) {
      batch.hold(target.stream);
      target.stream.write(text);
    }
    const heldBeforeFlush = [a.writes.length, b.writes.length];
    await batch.flushed();
    expect({ heldBeforeFlush, a: a.writes, b: b.writes }).toEqual({ heldBeforeFlush: [0, 0], a: [['a1', 'a2']], b: [['b1']] });
  });

  it('starts a new batch after each flush, and answers at once when nothing is held', async () => {
    const batch = new WriteBatch();
    await batch.flushed();
    const target = recordingStream();
    batch.hold(target.stream);
    target.stream.write('first');
    await batch.flushed();
    batch.hold(target.stream);
    target.stream.write('second');
    await batch.flushed();
    expect(target.writes).toEqual([['first'], ['second']]);
  });
});
