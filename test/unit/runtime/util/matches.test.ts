/** `util.matches` with Java `Pattern.matches` full-match semantics (spec appsync-js-runtime.md §3.1). */
import { describe, expect, it } from 'vitest';
import { refused, thrownBy, utilWithState } from './state.js';

const { util } = utilWithState();

describe('util.matches', () => {
  it('matches the whole value', () => {
    // spec: §8 items 54 (doc) and 55 (doc/u)
    expect([util.matches('a*b', 'aaaaab'), util.matches('a', 'ba'), util.matches('a', 'ab')]).toEqual([true, false, false]);
  });

  it('tries every alternative against the whole value', () => {
    // Java matches() backtracks until the whole input matches: "a|ab" matches "ab"
    expect([util.matches('a|ab', 'ab'), util.matches('(a|ab)(c|bcd)', 'abcd')]).toEqual([true, true]);
  });

  it('does not let $ stop before a trailing newline', () => {
    expect([util.matches('abc$', 'abc\n'), util.matches('abc', 'abc\n')]).toEqual([false, false]);
  });

  it('reads leading inline flags, and (?m) does not turn it into a partial match', () => {
    expect([
      util.matches('(?i)hello', 'HeLLo'),
      util.matches('(?s)a.b', 'a\nb'),
      util.matches('a.b', 'a\nb'),
      util.matches('(?m)^a$', 'a\nb'),
      util.matches('(?im)^A$\\n^b$', 'a\nB'),
    ]).toEqual([true, true, false, false, true]);
  });

  it('keeps Java’s lenient escapes working', () => {
    expect([util.matches('[\\w-]+@[\\w.-]+\\.com', 'jane-doe@mail.example.com'), util.matches('a\\-b', 'a-b')]).toEqual([
      true,
      true,
    ]);
  });

  it('refuses an invalid pattern and non-string arguments', () => {
    // spec §3.1: handling of invalid patterns unconfirmed (Java throws PatternSyntaxException)
    expect([
      thrownBy(() => util.matches('a(', 'a')),
      thrownBy(() => util.matches('a*+', 'aaa')),
      thrownBy(() => util.matches('a', 1)),
    ]).toEqual([
      refused('util.matches: invalid pattern: Invalid regular expression: /a(/: Unterminated group'),
      refused('util.matches: invalid pattern: Invalid regular expression: /a*+/: Nothing to repeat'),
      refused("util.matches: 'value' must be a string, got number"),
    ]);
  });
});
