/**
 * A WebSocket text frame as a server sends it (RFC 6455 §5.2: FIN set, opcode 1, unmasked, one fragment),
 * header and UTF-8 payload (the parts, one after the other) in one buffer, ready for one write.
 *
 * The connection writes its frames this way rather than through `ws`'s `send`, whose per-call objects and
 * two-chunk writes dominated the cost of fanning an event out to thousands of subscribers
 * (bench/fanout.bench.ts). It is safe alongside `ws` because compression is off: `ws` then never holds
 * frames back, and its own control frames (close, pong) go out through the same stream, in order.
 */
export function textFrame(...parts: Buffer[]): Buffer {
  let length = 0;
  for (const part of parts) length += part.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, text
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  let offset = headerLength;
  for (const part of parts) offset += part.copy(frame, offset);
  return frame;
}
