/** `util.str`, `util.math` and `util.authType` (spec appsync-js-runtime.md §3.1, §3.3). */
import { describe, expect, it } from 'vitest';
import { refused, thrownBy, utilWithState } from './state.js';

const { util } = utilWithState();

describe('util.str.normalize', () => {
  it('applies each of the four Unicode normalisation forms', () => {
    const text = 'ﬁé'; // U+FB01 ligature, then e + combining acute
    expect(['nfc', 'nfd', 'nfkc', 'nfkd'].map((form) => [...util.str.normalize(text, form)].map((c) => c.codePointAt(0)))).toEqual([
      [0xfb01, 0xe9],
      [0xfb01, 0x65, 0x301],
      [0x66, 0x69, 0xe9],
      [0x66, 0x69, 0x65, 0x301],
    ]);
  });

  it('accepts the form in upper case and refuses unknown forms', () => {
    // spec §3.3: an invalid form is unconfirmed; refused with Java's Normalizer.Form.valueOf message
    expect([util.str.normalize('é', 'NFD').length, thrownBy(() => util.str.normalize('é', 'nfx'))]).toEqual([
      2,
      refused('No enum constant java.text.Normalizer.Form.NFX'),
    ]);
  });
});

describe('util.math', () => {
  it('rounds halves up like Java Math.round', () => {
    // spec §3.3
    expect([2.5, -2.5, 2.4, -2.6, 7].map(util.math.roundNum)).toEqual([3, -2, 2, -3, 7]);
  });

  it('takes the minimum and maximum of two numbers', () => {
    expect([util.math.minVal(3, -1.5), util.math.maxVal(3, -1.5)]).toEqual([-1.5, 3]);
  });

  it('draws doubles in [0, 1)', () => {
    const draws = Array.from({ length: 200 }, () => util.math.randomDouble());
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(1);
  });

  it('draws integers within the range, both bounds included', () => {
    // spec §3.3: inclusive bounds unconfirmed
    const draws = new Set(Array.from({ length: 400 }, () => util.math.randomWithinRange(1, 3)));
    expect([...draws].sort()).toEqual([1, 2, 3]);
    expect(util.math.randomWithinRange(5, 5)).toBe(5);
  });

  it('refuses a reversed range and arguments that are not numbers', () => {
    expect([
      thrownBy(() => util.math.randomWithinRange(3, 1)),
      thrownBy(() => util.math.randomWithinRange(1.5, 3)),
      thrownBy(() => util.math.roundNum('2.5')),
      thrownBy(() => util.math.maxVal(1, null)),
    ]).toEqual([
      refused("util.math.randomWithinRange: 'start' (3) must not be greater than 'end' (1)"),
      refused("util.math.randomWithinRange: 'start' must be an integer, got 1.5"),
      refused("util.math.roundNum: 'input' must be a finite number, got string"),
      refused("util.math.maxVal: 'input2' must be a finite number, got null"),
    ]);
  });
});

describe('util.authType', () => {
  it('answers the auth type of the evaluation in progress', () => {
    // spec: §8 item 60 (doc) for API key; the other strings come from the runtime (spec §1.3)
    const apiKey = utilWithState().util;
    const userPools = utilWithState({ authType: 'User Pool Authorization' }).util;
    expect([apiKey.authType(), userPools.authType()]).toEqual(['API Key Authorization', 'User Pool Authorization']);
  });
});
