import { describe, expect, it } from 'vitest';
import { NotFoundError, outcomeOf, VersionConflictError } from '../../../functions/lib/errors.js';
import { ContentionError, RETRY, retrying } from '../../../functions/lib/retry.js';

describe('retrying', () => {
  it('runs again on RETRY until an attempt answers', async () => {
    const answers = [RETRY, RETRY, 'done'] as const;
    let calls = 0;
    const result = await retrying(async () => answers[calls++]!, { baseDelayMs: 0 });
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });
  });

  it('gives up with a ContentionError after the last attempt', async () => {
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      return RETRY;
    };
    await expect(retrying(attempt, { attempts: 4, baseDelayMs: 0 })).rejects.toEqual(
      new ContentionError('The board changed 4 times while this change was being made; try again.'),
    );
    expect(calls).toBe(4);
  });

  it('stops at a thrown rule violation', async () => {
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      throw new NotFoundError('Card c does not exist on board b.');
    };
    await expect(retrying(attempt, { baseDelayMs: 0 })).rejects.toEqual(new NotFoundError('Card c does not exist on board b.'));
    expect(calls).toBe(1);
  });
});

describe('outcomeOf', () => {
  it('wraps a value', async () => {
    expect(await outcomeOf(async () => ({ id: 'c1' }))).toEqual({ value: { id: 'c1' } });
  });

  it('turns a board error into an error outcome with its type and data', async () => {
    const current = { id: 'c1', version: 3 };
    expect(await outcomeOf(async () => Promise.reject(new VersionConflictError('Card c1 is at version 3, not 2.', current)))).toEqual({
      error: { errorType: 'VersionConflict', message: 'Card c1 is at version 3, not 2.', data: current, errorInfo: null },
    });
    expect(await outcomeOf(async () => Promise.reject(new ContentionError('busy')))).toEqual({
      error: { errorType: 'ConcurrentModification', message: 'busy', data: null, errorInfo: null },
    });
  });

  it('lets any other error through (it becomes Lambda:Unhandled)', async () => {
    await expect(outcomeOf(async () => Promise.reject(new TypeError('boom')))).rejects.toEqual(new TypeError('boom'));
  });
});
