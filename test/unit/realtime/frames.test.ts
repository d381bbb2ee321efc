/**
 * The real-time protocol's frames (spec appsync-realtime.md §3): server frames in AppSync's shape and key
 * order, client messages read into what the connection acts on.
 */
import { describe, expect, it } from 'vitest';
import { ConnectionUnauthorizedError, SubProtocolNotSupportedError, UnsupportedOperationError } from '../../../local/errors.js';
import { DATA_FRAME_SUFFIX, dataFramePrefix, frameErrorOf, readClientMessage, serverFrames, untypedFrameErrorOf } from '../../../local/realtime/frames.js';

describe('server frames', () => {
  it('are the JSON texts AppSync sends (spec §3.1, §3.3)', () => {
    expect([
      serverFrames.connectionAck(300_000),
      serverFrames.keepAlive(),
      serverFrames.startAck('id-1'),
      `${dataFramePrefix('id-1')}{"data":{"onX":{"a":1}}}${DATA_FRAME_SUFFIX}`,
      serverFrames.complete('id-1'),
      serverFrames.error('id-1', [{ errorType: 'T', message: 'm' }]),
      serverFrames.error(undefined, [{ errorType: 'T', message: 'm' }]),
      serverFrames.connectionError([frameErrorOf(new ConnectionUnauthorizedError())]),
    ]).toEqual([
      '{"type":"connection_ack","payload":{"connectionTimeoutMs":300000}}',
      '{"type":"ka"}',
      '{"id":"id-1","type":"start_ack"}',
      '{"id":"id-1","type":"data","payload":{"data":{"onX":{"a":1}}}}',
      '{"id":"id-1","type":"complete"}',
      '{"id":"id-1","type":"error","payload":{"errors":[{"errorType":"T","message":"m"}]}}',
      '{"type":"error","payload":{"errors":[{"errorType":"T","message":"m"}]}}',
      '{"type":"connection_error","payload":{"errors":[{"errorType":"UnauthorizedException","message":"You are not authorized to make this call.","errorCode":401}]}}',
    ]);
  });

  it('escapes ids in data frames like JSON.stringify', () => {
    expect(JSON.parse(`${dataFramePrefix('a"b\\c')}{"data":{}}${DATA_FRAME_SUFFIX}`)).toEqual({ id: 'a"b\\c', type: 'data', payload: { data: {} } });
  });

  it('shows SubProtocolNotSupportedError without errorType (spec §2.1)', () => {
    expect(untypedFrameErrorOf(new SubProtocolNotSupportedError())).toEqual({ message: 'SubProtocolNotSupportedError', errorCode: 400 });
  });
});

describe('readClientMessage', () => {
  it('reads connection_init, start and stop (spec §3.2)', () => {
    const data = JSON.stringify({ query: 'subscription { onX { a } }', variables: { v: 1 } });
    expect([
      readClientMessage('{"type":"connection_init"}'),
      readClientMessage(JSON.stringify({ id: 'u1', type: 'start', payload: { data, extensions: { authorization: { 'x-api-key': 'k' } } } })),
      readClientMessage(JSON.stringify({ id: 'u1', type: 'start', payload: { data } })),
      readClientMessage('{"id":"u1","type":"stop"}'),
    ]).toEqual([
      { type: 'connection_init' },
      { type: 'start', id: 'u1', data, authorization: { 'x-api-key': 'k' } },
      { type: 'start', id: 'u1', data, authorization: undefined },
      { type: 'stop', id: 'u1' },
    ]);
  });

  it('answers an unknown type with AppSync\'s message and no id, even when the message has one (spec §3.4, §8 item 19)', () => {
    const expected = { type: 'invalid', error: new UnsupportedOperationError('unknown not supported through the realtime channel') };
    expect(readClientMessage('{"type":"subscribe"}')).toEqual(expected);
    expect(readClientMessage('{"id":"u1","type":"subscribe","payload":{}}')).toEqual(expected);
  });

  it('reports unreadable messages as UnsupportedOperation (spec §3.4: unconfirmed, recommended)', () => {
    const invalid = (message: string, id?: string) => ({ type: 'invalid', ...(id ? { id } : {}), error: new UnsupportedOperationError(message) });
    expect([
      readClientMessage('not json'),
      readClientMessage('[1,2]'),
      readClientMessage('{"type":"start","payload":{"data":"{}"}}'),
      readClientMessage('{"id":"","type":"start","payload":{"data":"{}"}}'),
      readClientMessage('{"id":"u1","type":"start","payload":{"data":{"query":"x"}}}'),
      readClientMessage('{"id":"u1","type":"start"}'),
      readClientMessage('{"type":"stop"}'),
    ]).toEqual([
      invalid('Message is not valid JSON.'),
      invalid('Message is not a JSON object.'),
      invalid('A start message needs a non-empty string id.'),
      invalid('A start message needs a non-empty string id.'),
      invalid('A start message needs payload.data, a JSON string.', 'u1'),
      invalid('A start message needs payload.data, a JSON string.', 'u1'),
      invalid('A stop message needs a non-empty string id.'),
    ]);
  });
});
