/**
 * `util.time.*` (spec appsync-js-runtime.md §3.2, checklist 62-76). Patterns are Java
 * `DateTimeFormatter` patterns and zones IANA ids, implemented with js-joda, a port of `java.time`
 * (so `Y` is the week-based year, `D` the day of year, `X`/`x`/`Z` the offset styles, unknown letters
 * are an error); text (`EEE`, `MMM`, `a`) is English (Locale.US). "Now" is the evaluation's clock,
 * `current().now()`.
 *
 * Decisions on unconfirmed points (spec §3.2 "Errors"):
 * - an invalid pattern or an unknown zone is refused (`BuiltinInputError`, js-joda's message, which is
 *   Java's: `Unknown pattern letter: b`, `Unknown time-zone ID: Nowhere/X`);
 * - a timestamp that does not parse, or lacks a date or a time, makes `parse*` return `null`;
 * - ISO-8601 output always has three fraction digits (`.000Z` kept).
 * Known difference from Java: short and long zone names (`z`, `zzzz`) come from CLDR data, so
 * `Australia/Perth` prints as `Australia/Perth` / `Western Australia Time` where Java prints `AWST` /
 * `Australian Western Standard Time`; `UTC` prints `UTC` for both.
 */
import {
  DateTimeException,
  DateTimeFormatter,
  DateTimeParseException,
  Instant,
  LocalDateTime,
  TemporalQueries,
  ZoneId,
  ZoneOffset,
  ZonedDateTime,
  type TemporalAccessor,
} from '@js-joda/core';
import '@js-joda/timezone';
import joda from '@js-joda/locale';
import '@js-joda/locale_en-us';
import type { CurrentState } from '../evaluation-state.js';
import { BuiltinInputError } from '../signals.js';
import { expectFiniteNumber, expectString } from './arguments.js';

const { Locale } = joda;

const ISO_8601_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

/** Runs a js-joda call whose failure means the resolver passed a bad pattern, zone or instant. */
function refuseInvalid<T>(builtin: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new BuiltinInputError(`util.time.${builtin}: ${(error as Error).message}`);
  }
}

function formatter(builtin: string, pattern: unknown): DateTimeFormatter {
  const text = expectString(pattern, `util.time.${builtin}`, 'formatString');
  return refuseInvalid(builtin, () => DateTimeFormatter.ofPattern(text).withLocale(Locale.US));
}

/**
 * The zone `UTC` (a region id, so `z`/`VV` print "UTC"; whether AppSync uses the id or the offset
 * `Z` for its default is unconfirmed).
 */
const UTC = ZoneId.of('UTC');

/** The zone named by the optional `timezone` argument; UTC when it is absent. */
function zone(builtin: string, timezone: unknown): ZoneId {
  if (timezone === undefined) return UTC;
  const id = expectString(timezone, `util.time.${builtin}`, 'timezone');
  return refuseInvalid(builtin, () => ZoneId.of(id));
}

function instant(builtin: string, milliseconds: unknown): Instant {
  const ms = Math.trunc(expectFiniteNumber(milliseconds, `util.time.${builtin}`, 'milliseconds'));
  return refuseInvalid(builtin, () => Instant.ofEpochMilli(ms));
}

function format(builtin: string, at: Instant, pattern: unknown, timezone: unknown): string {
  const dateTimeFormatter = formatter(builtin, pattern);
  const inZone = zone(builtin, timezone);
  return refuseInvalid(builtin, () => ZonedDateTime.ofInstant(at, inZone).format(dateTimeFormatter));
}

function isoUtc(at: Instant): string {
  return ZonedDateTime.ofInstant(at, ZoneOffset.UTC).format(ISO_8601_UTC);
}

/**
 * Epoch milliseconds of parsed text, as `ZonedDateTime.parse(text, formatter.withZone(zone))` resolves
 * it in Java: an offset or zone in the text wins, otherwise the local date-time is placed in `inZone`.
 * `null` when the text does not parse or does not name a full date and time.
 */
function parseToEpochMilli(text: string, dateTimeFormatter: DateTimeFormatter, inZone: ZoneId): number | null {
  try {
    const parsed: TemporalAccessor = dateTimeFormatter.parse(text);
    const zoned = parsed.query(TemporalQueries.zone())
      ? ZonedDateTime.from(parsed)
      : LocalDateTime.from(parsed).atZone(inZone);
    return zoned.toInstant().toEpochMilli();
  } catch (error) {
    // js-joda's DateTimeParseException does not extend DateTimeException (Java's does).
    if (error instanceof DateTimeParseException || error instanceof DateTimeException) return null;
    throw error;
  }
}

export function createTimeUtils(current: CurrentState) {
  const now = (): Instant => Instant.ofEpochMilli(current().now());
  return {
    /** Now in UTC, ISO 8601 with milliseconds: `2018-02-06T19:01:35.758Z`. */
    nowISO8601(): string {
      return isoUtc(now());
    },
    nowEpochSeconds(): number {
      return Math.floor(current().now() / 1000);
    },
    nowEpochMilliSeconds(): number {
      return current().now();
    },
    /** Now formatted with a Java pattern, in UTC or the given zone. */
    nowFormatted(formatString: unknown, timezone?: unknown): string {
      return format('nowFormatted', now(), formatString, timezone);
    },
    /** The instant the text names; without an offset in the text, it is read in `timezone` (default UTC). */
    parseFormattedToEpochMilliSeconds(timestamp: unknown, formatString: unknown, timezone?: unknown): number | null {
      const builtin = 'parseFormattedToEpochMilliSeconds';
      const text = expectString(timestamp, `util.time.${builtin}`, 'timestamp');
      return parseToEpochMilli(text, formatter(builtin, formatString), zone(builtin, timezone));
    },
    /** An ISO-8601 date-time with an offset (`2018-02-01T17:21:05.180+08:00`, `…Z`, optional `[zone]`). */
    parseISO8601ToEpochMilliSeconds(timestamp: unknown): number | null {
      const text = expectString(timestamp, 'util.time.parseISO8601ToEpochMilliSeconds', 'timestamp');
      return parseToEpochMilli(text, DateTimeFormatter.ISO_ZONED_DATE_TIME, UTC);
    },
    epochMilliSecondsToSeconds(milliseconds: unknown): number {
      return instant('epochMilliSecondsToSeconds', milliseconds).epochSecond();
    },
    epochMilliSecondsToISO8601(milliseconds: unknown): string {
      return isoUtc(instant('epochMilliSecondsToISO8601', milliseconds));
    },
    epochMilliSecondsToFormatted(milliseconds: unknown, formatString: unknown, timezone?: unknown): string {
      const builtin = 'epochMilliSecondsToFormatted';
      return format(builtin, instant(builtin, milliseconds), formatString, timezone);
    },
  };
}
