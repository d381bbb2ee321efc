/**
 * The real-time endpoint's numbers, all configurable so that tests can lower them (appsync-realtime.md §6:
 * "All numeric limits should be configuration with these defaults"). Defaults are AppSync's where known.
 */
export interface FilterLimits {
  /** Values of an `in` / `notIn` condition (5; third-party, unconfirmed). */
  maxInValues: number;
  /** Values of a `containsAny` condition (20; third-party, unconfirmed). */
  maxContainsAnyValues: number;
  /** Dotted levels of a `fieldName` (5; third-party, unconfirmed). */
  maxFieldPathDepth: number;
  /** Characters of a `fieldName` (256; third-party, unconfirmed). */
  maxFieldPathLength: number;
  /** Groups of one filter (unconfirmed; 10 locally). */
  maxFilterGroups: number;
  /** Conditions of one group (unconfirmed; 10 locally). */
  maxFiltersPerGroup: number;
}

export interface RealtimeSettings {
  /** Sent as `connection_ack.payload.connectionTimeoutMs` (300000, documented and observed, §3.3). */
  connectionTimeoutMs: number;
  /** Interval of `ka` frames after the first one, which follows the ack at once (60 s observed, §3.3). */
  keepAliveIntervalMs: number;
  /** Active subscriptions per connection (100 observed, §6). */
  maxSubscriptionsPerConnection: number;
  /** Largest `data` payload delivered, in bytes of JSON (240 KB documented, §4.2). */
  maxPayloadBytes: number;
  /**
   * Largest client message answered normally; a larger one gets an `error` frame (AppSync's limit is
   * unconfirmed, §6). Messages above 16 times this close the socket (1009) without being read.
   */
  maxInboundMessageBytes: number;
  /** Close a connection that sent no `connection_init` within this time; 0 = never (unconfirmed, §3.5). */
  connectionInitTimeoutMs: number;
  /**
   * A connection whose unsent frames exceed this many bytes is dropped, so that a slow or dead client
   * never holds back the others or the process's memory (a local safeguard).
   */
  maxSendBufferBytes: number;
  filters: FilterLimits;
}

export const DEFAULT_FILTER_LIMITS: FilterLimits = {
  maxInValues: 5,
  maxContainsAnyValues: 20,
  maxFieldPathDepth: 5,
  maxFieldPathLength: 256,
  maxFilterGroups: 10,
  maxFiltersPerGroup: 10,
};

export const DEFAULT_REALTIME_SETTINGS: RealtimeSettings = {
  connectionTimeoutMs: 300_000,
  keepAliveIntervalMs: 60_000,
  maxSubscriptionsPerConnection: 100,
  maxPayloadBytes: 240 * 1024,
  maxInboundMessageBytes: 1024 * 1024,
  connectionInitTimeoutMs: 0,
  maxSendBufferBytes: 4 * 1024 * 1024,
  filters: DEFAULT_FILTER_LIMITS,
};

/** What callers may override; filter limits one by one. */
export type RealtimeSettingsInput = Partial<Omit<RealtimeSettings, 'filters'>> & { filters?: Partial<FilterLimits> };

export function realtimeSettings(input: RealtimeSettingsInput = {}): RealtimeSettings {
  return { ...DEFAULT_REALTIME_SETTINGS, ...input, filters: { ...DEFAULT_FILTER_LIMITS, ...input.filters } };
}
