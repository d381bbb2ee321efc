/**
 * `util.time` (spec appsync-js-runtime.md §3.2). The clock is fixed at 2018-02-06T19:01:35.758Z,
 * as checklist items 62-76 require.
 */
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, refused, thrownBy, utilWithState } from './state.js';

const { util } = utilWithState();
const time = util.time;

describe('util.time: now', () => {
  it('reads the evaluation clock in every now* function', () => {
    // spec: §8 items 62-66 (doc)
    expect({
      iso: time.nowISO8601(),
      seconds: time.nowEpochSeconds(),
      milliseconds: time.nowEpochMilliSeconds(),
      formattedUtc: time.nowFormatted('yyyy-MM-dd HH:mm:ssZ'),
      formattedPerth: time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth'),
    }).toEqual({
      iso: '2018-02-06T19:01:35.758Z',
      seconds: 1517943695,
      milliseconds: 1517943695758,
      formattedUtc: '2018-02-06 19:01:35+0000',
      formattedPerth: '2018-02-07 03:01:35+0800',
    });
  });

  it('follows the clock of the evaluation in progress', () => {
    let now = FIXED_NOW;
    const { util: clocked } = utilWithState({ now: () => now });
    const first = clocked.time.nowEpochMilliSeconds();
    now += 1500;
    expect([first, clocked.time.nowEpochMilliSeconds(), clocked.time.nowISO8601()]).toEqual([
      1517943695758,
      1517943697258,
      '2018-02-06T19:01:37.258Z',
    ]);
  });

  it('keeps three fraction digits when the milliseconds are zero', () => {
    // spec §3.2: whether AWS keeps ".000Z" is unconfirmed; we always print three digits
    const { util: onTheSecond } = utilWithState({ now: () => 1517943695000 });
    expect(onTheSecond.time.nowISO8601()).toBe('2018-02-06T19:01:35.000Z');
  });
});

describe('util.time: parse', () => {
  it('parses text with an offset in its pattern', () => {
    // spec: §8 item 67 (doc)
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 17:00:00+0000', 'yyyy-MM-dd HH:mm:ssZ')).toBe(1517504400000);
  });

  it('reads local text in the given zone', () => {
    // spec: §8 item 68 (doc)
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 17:00:00', 'yyyy-MM-dd HH:mm:ss', 'Australia/Perth')).toBe(
      1517475600000,
    );
  });

  it('lets an offset in the text win over the zone argument, as Java resolves it', () => {
    expect(
      time.parseFormattedToEpochMilliSeconds('2018-02-01 17:00:00+0000', 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth'),
    ).toBe(1517504400000);
  });

  it('reads local text as UTC when no zone is given', () => {
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 17:00:00', 'yyyy-MM-dd HH:mm:ss')).toBe(1517504400000);
  });

  it('parses English month and day names', () => {
    expect(time.parseFormattedToEpochMilliSeconds('Thu, 1 Feb 2018 10:00', 'EEE, d MMM yyyy HH:mm')).toBe(1517479200000);
  });

  it('parses ISO-8601 with an offset, Z, or a bracketed zone', () => {
    // spec: §8 item 69 (doc) for the first
    expect([
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00'),
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T09:21:05.180Z'),
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00[Australia/Perth]'),
    ]).toEqual([1517476865180, 1517476865180, 1517476865180]);
  });

  it('answers null for text that does not parse or lacks a date-time', () => {
    // spec: §8 item 76 (u) — null chosen (the amplify simulator's VTL behaviour [peer]); AWS may raise instead
    expect([
      time.parseISO8601ToEpochMilliSeconds('nope'),
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05'),
      time.parseFormattedToEpochMilliSeconds('nope', 'yyyy-MM-dd HH:mm'),
      time.parseFormattedToEpochMilliSeconds('2018-02-01', 'yyyy-MM-dd'),
    ]).toEqual([null, null, null, null]);
  });
});

describe('util.time: epoch conversions', () => {
  it('converts milliseconds to seconds, ISO-8601 and formatted text', () => {
    // spec: §8 items 70-72 (doc)
    expect({
      seconds: time.epochMilliSecondsToSeconds(1517943695758),
      iso: time.epochMilliSecondsToISO8601(1517943695758),
      formattedUtc: time.epochMilliSecondsToFormatted(1517943695758, 'yyyy-MM-dd HH:mm:ssZ'),
      formattedPerth: time.epochMilliSecondsToFormatted(1517943695758, 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth'),
    }).toEqual({
      seconds: 1517943695,
      iso: '2018-02-06T19:01:35.758Z',
      formattedUtc: '2018-02-06 19:01:35+0000',
      formattedPerth: '2018-02-07 03:01:35+0800',
    });
  });

  it('floors seconds before the epoch', () => {
    expect([time.epochMilliSecondsToSeconds(-1), time.epochMilliSecondsToISO8601(-1)]).toEqual([-1, '1969-12-31T23:59:59.999Z']);
  });
});

describe('util.time: Java DateTimeFormatter semantics', () => {
  const at = (ms: number, pattern: string, zone?: string) =>
    zone === undefined ? time.epochMilliSecondsToFormatted(ms, pattern) : time.epochMilliSecondsToFormatted(ms, pattern, zone);

  it('prints the week-based year for Y and the year of era for y', () => {
    // spec: §8 item 73 (Java semantics) — 2018-12-31 is in week 1 of 2019
    expect([at(1546214400000, 'YYYY-MM-dd'), at(1546214400000, 'yyyy-MM-dd')]).toEqual(['2019-12-31', '2018-12-31']);
  });

  it('prints Z for a zero offset with X but never with x', () => {
    // spec: §8 item 74 (Java semantics)
    expect([at(0, "yyyy-MM-dd'T'HH:mm:ssXXX"), at(0, "yyyy-MM-dd'T'HH:mm:ssxxx")]).toEqual([
      '1970-01-01T00:00:00Z',
      '1970-01-01T00:00:00+00:00',
    ]);
  });

  it('prints English day and month names', () => {
    // spec: §8 item 75 (Java semantics)
    expect(at(0, 'EEE, d MMM yyyy')).toBe('Thu, 1 Jan 1970');
  });

  it('honours the other pattern letters of spec §3.2', () => {
    // The default zone is the region id "UTC" (unconfirmed: AppSync might use the offset Z, printed "Z" by z/VV)
    expect([
      at(0, 'EEEE MMMM a'),
      at(FIXED_NOW, 'D h K k'),
      at(0, 'ZZZZZ X x XX', 'Australia/Perth'),
      at(0, 'ZZZZZ X', 'UTC'),
      at(0, 'VV', 'Australia/Perth'),
      at(0, 'z', 'UTC'),
      at(0, 'z VV'),
      at(FIXED_NOW, 'SSS n'),
      at(0, "'It''s' yyyy[ MM]"),
    ]).toEqual([
      'Thursday January AM',
      '37 7 7 19',
      '+08:00 +08 +08 +0800',
      'Z Z',
      'Australia/Perth',
      'UTC',
      'UTC UTC',
      '758 758000000',
      "It's 1970 01",
    ]);
  });

  it('refuses an unknown pattern letter or an unterminated literal', () => {
    // spec §3.2: errors unconfirmed; an invalid pattern is refused like a runtime error (Java's message)
    expect(thrownBy(() => at(0, 'yyyy-MM-dd bogus'))).toEqual(refused('util.time.epochMilliSecondsToFormatted: Unknown pattern letter: b'));
    expect(thrownBy(() => time.nowFormatted("yyyy '"))).toEqual(refused('util.time.nowFormatted: Pattern ends with an incomplete string literal: yyyy \''));
    expect(thrownBy(() => time.parseFormattedToEpochMilliSeconds('2018', 'bogus'))).toEqual(refused('util.time.parseFormattedToEpochMilliSeconds: Unknown pattern letter: b'));
  });

  it('refuses an unknown zone', () => {
    expect(thrownBy(() => time.nowFormatted('yyyy', 'Nowhere/Land'))).toEqual(refused('util.time.nowFormatted: Unknown time-zone ID: Nowhere/Land'));
    expect(thrownBy(() => time.parseFormattedToEpochMilliSeconds('2018-02-01 17:00', 'yyyy-MM-dd HH:mm', 'Nowhere/Land'))).toEqual(refused('util.time.parseFormattedToEpochMilliSeconds: Unknown time-zone ID: Nowhere/Land'));
  });

  it('refuses arguments of the wrong type', () => {
    expect(thrownBy(() => time.epochMilliSecondsToISO8601('1517943695758'))).toEqual(refused("util.time.epochMilliSecondsToISO8601: 'milliseconds' must be a finite number, got string"));
    expect(thrownBy(() => time.nowFormatted(42))).toEqual(refused("util.time.nowFormatted: 'formatString' must be a string, got number"));
    expect(thrownBy(() => time.parseISO8601ToEpochMilliSeconds(null))).toEqual(refused("util.time.parseISO8601ToEpochMilliSeconds: 'timestamp' must be a string, got null"));
  });
});
