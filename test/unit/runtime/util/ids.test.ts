/** `util.autoId`, `util.autoUlid`, `util.autoKsuid` (spec appsync-js-runtime.md §3.1, items 47-49). */
import KSUID from 'ksuid';
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, utilWithState } from './state.js';

describe('util.autoId', () => {
  it('is a lower-case random UUID v4', () => {
    // spec: §8 item 47 (doc)
    const { util } = utilWithState();
    const ids = [util.autoId(), util.autoId()];
    expect(ids.map((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toEqual([true, true]);
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe('util.autoUlid', () => {
  it('is 26 Crockford base32 characters carrying the evaluation clock', () => {
    // spec: §8 item 48 (doc)
    const { util } = utilWithState();
    const ulid = util.autoUlid();
    expect({ shape: /^[0-9A-HJKMNP-TV-Z]{26}$/.test(ulid), time: decodeTime(ulid) }).toEqual({ shape: true, time: FIXED_NOW });
  });

  it('sorts in call order, within one millisecond and across milliseconds', () => {
    // spec: §8 item 48 (doc) — "two calls 1 ms apart sort in call order"; same-ms calls too (monotonic)
    let now = FIXED_NOW;
    const { util } = utilWithState({ now: () => now });
    const ids = [util.autoUlid(), util.autoUlid()];
    now += 1;
    ids.push(util.autoUlid());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    expect(ids.map(decodeTime)).toEqual([FIXED_NOW, FIXED_NOW, FIXED_NOW + 1]);
  });
});

describe('util.autoKsuid', () => {
  it('is 27 base62 characters carrying the evaluation clock (whole seconds)', () => {
    // spec: §8 item 49 (doc)
    const { util } = utilWithState();
    const ksuid = util.autoKsuid();
    expect({ shape: /^[0-9A-Za-z]{27}$/.test(ksuid), time: KSUID.parse(ksuid).date.getTime() }).toEqual({
      shape: true,
      time: Math.floor(FIXED_NOW / 1000) * 1000,
    });
    expect(util.autoKsuid()).not.toBe(ksuid);
  });
});
