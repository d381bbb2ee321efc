/**
 * Argument-based subscription filtering (spec appsync-realtime.md §4.3, §8 items 35-37).
 */
import { describe, expect, it } from 'vitest';
import { matchesArguments } from '../../../local/realtime/filters/argument-filter.js';

const event = { id: 'p1', author: 'a', votes: 3, draft: false, editor: null };

describe('matchesArguments', () => {
  it('lets every event through when the subscriber supplied no argument (§8 item 35)', () => {
    expect(matchesArguments({}, event)).toBe(true);
  });

  it('matches supplied arguments against the result\'s top-level fields (§8 item 35)', () => {
    expect([matchesArguments({ author: 'a' }, event), matchesArguments({ author: 'b' }, event)]).toEqual([true, false]);
  });

  it('ANDs two arguments (§8 item 36)', () => {
    expect([
      matchesArguments({ author: 'a', votes: 3 }, event),
      matchesArguments({ author: 'a', votes: 4 }, event),
      matchesArguments({ author: 'a', draft: false }, event),
    ]).toEqual([true, false, true]);
  });

  it('never matches a non-null argument on a field the mutation did not select (§8 item 37)', () => {
    expect(matchesArguments({ title: 'x' }, event)).toBe(false);
  });

  it('matches an explicit null only to a null or absent field (§4.3, local rule, unconfirmed)', () => {
    expect([matchesArguments({ editor: null }, event), matchesArguments({ title: null }, event), matchesArguments({ author: null }, event)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('compares list and object values as JSON', () => {
    expect([
      matchesArguments({ tags: ['x', 'y'] }, { tags: ['x', 'y'] }),
      matchesArguments({ tags: ['y', 'x'] }, { tags: ['x', 'y'] }),
      matchesArguments({ meta: { a: 1, b: 2 } }, { meta: { b: 2, a: 1 } }),
    ]).toEqual([true, false, true]);
  });

  it('treats a published value that is not an object as having null fields', () => {
    expect([matchesArguments({ author: 'a' }, 'text'), matchesArguments({ author: null }, ['a'])]).toEqual([false, true]);
  });
});
