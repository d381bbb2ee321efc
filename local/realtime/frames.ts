/**
 * The frames of AppSync's real-time protocol (`graphql-ws` subprotocol, AWS's own; appsync-realtime.md §3):
 * server frames built as JSON text in AppSync's key order, and client messages read into typed values.
 * Every frame is a UTF-8 JSON text frame; server frames carry `id` only where AppSync does (§3.3).
 */
import { UnsupportedOperationError, type AppSyncError } from '../errors.js';

/** One entry of a frame's `payload.errors`. */
export interface FrameError {
  errorType?: string;
  message: string;
  errorCode?: number;
}

/** The usual entry: `errorType`, `message`, and `errorCode` where the error has one (§3.4). */
export function frameErrorOf(error: AppSyncError & { errorCode?: number }): FrameError {
  return error.errorCode === undefined
    ? { errorType: error.errorType, message: error.message }
    : { errorType: error.errorType, message: error.message, errorCode: error.errorCode };
}

/**
 * An entry without `errorType`, as AppSync sends `SubProtocolNotSupportedError` and refused subscription
 * filters (§2.1; aws-amplify/amplify-android#2578).
 */
export function untypedFrameErrorOf(error: AppSyncError & { errorCode: number }): FrameError {
  return { message: error.message, errorCode: error.errorCode };
}

/**
 * A `data` frame is this prefix, the payload `{"data":{…}}` (plus `errors`) and `DATA_FRAME_SUFFIX`:
 * publishing assembles the frames of many subscribers from one serialised payload.
 */
export function dataFramePrefix(id: string): string {
  return `{"id":${JSON.stringify(id)},"type":"data","payload":`;
}

export const DATA_FRAME_SUFFIX = '}';

export const serverFrames = {
  /** The key must be exactly `connectionTimeoutMs` (§3.3). */
  connectionAck: (connectionTimeoutMs: number): string => JSON.stringify({ type: 'connection_ack', payload: { connectionTimeoutMs } }),
  /** No `id`, no payload (§3.3). */
  keepAlive: (): string => '{"type":"ka"}',
  /** No payload, as in AWS's transcript (§3.3). */
  startAck: (id: string): string => JSON.stringify({ id, type: 'start_ack' }),
  complete: (id: string): string => JSON.stringify({ id, type: 'complete' }),
  /** Per subscription (`id`) or, for frame-level problems, without one (§3.3). */
  error: (id: string | undefined, errors: FrameError[]): string =>
    JSON.stringify(id === undefined ? { type: 'error', payload: { errors } } : { id, type: 'error', payload: { errors } }),
  connectionError: (errors: FrameError[]): string => JSON.stringify({ type: 'connection_error', payload: { errors } }),
};

/** A client message, read; anything the endpoint cannot act on is `invalid` with the error to send. */
export type ClientMessage =
  | { type: 'connection_init' }
  /** `data` is `payload.data` exactly as received (IAM signs it); `authorization` is `payload.extensions.authorization`. */
  | { type: 'start'; id: string; data: string; authorization: unknown }
  | { type: 'stop'; id: string }
  | { type: 'invalid'; id?: string; error: UnsupportedOperationError };

/**
 * Reads one text frame (§3.2). An unknown `type` gets AppSync's observed message; unreadable messages
 * (invalid JSON, no `id`, no `payload.data`) get `UnsupportedOperation` too, with a message saying what is
 * wrong (AppSync's reply is unconfirmed, §3.4), and the connection stays open.
 */
export function readClientMessage(text: string): ClientMessage {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return invalid('Message is not valid JSON.');
  }
  if (!isRecord(message)) return invalid('Message is not a JSON object.');
  const id = typeof message.id === 'string' && message.id !== '' ? message.id : undefined;
  switch (message.type) {
    case 'connection_init':
      return { type: 'connection_init' };
    case 'start': {
      if (id === undefined) return invalid('A start message needs a non-empty string id.');
      const payload = isRecord(message.payload) ? message.payload : {};
      if (typeof payload.data !== 'string') return invalid('A start message needs payload.data, a JSON string.', id);
      const extensions = isRecord(payload.extensions) ? payload.extensions : {};
      return { type: 'start', id, data: payload.data, authorization: extensions.authorization };
    }
    case 'stop':
      if (id === undefined) return invalid('A stop message needs a non-empty string id.');
      return { type: 'stop', id };
    default:
      // AppSync's observed reply to any other type, e.g. `subscribe` or `ping`, without id even when the
      // message has one (§3.4; enisdenjo/graphql-ws#602, a graphql-transport-ws `subscribe` with an id).
      return invalid('unknown not supported through the realtime channel');
  }
}

function invalid(message: string, id?: string): ClientMessage {
  const error = new UnsupportedOperationError(message);
  return id === undefined ? { type: 'invalid', error } : { type: 'invalid', id, error };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
