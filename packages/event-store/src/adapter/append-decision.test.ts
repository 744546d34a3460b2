import { describe, expect, it } from 'vitest';
import { isDuplicateEventId } from '../duplicate-event-id.ts';
import { isWrongExpectedRevision } from '../event-store.ts';
import { decideAppend, isExpectedRevision, type StoredEventRef } from './append-decision.ts';

const storedAt =
  (rows: Record<string, StoredEventRef<number>>) =>
  (id: string): StoredEventRef<number> | undefined =>
    rows[id];

const caught = (decide: () => unknown): unknown => {
  try {
    decide();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('decideAppend', () => {
  it('lets new events through when the stream is as expected', () => {
    const append = { streamId: 's-1', eventIds: ['a'], expectedRevision: 'no_stream' as const };
    expect(decideAppend(append, -1, storedAt({}))).toBeUndefined();
  });

  it('answers a retry with the original last event', () => {
    const rows = {
      a: { streamId: 's-1', revision: 3, position: 10 },
      b: { streamId: 's-1', revision: 4, position: 11 },
    };
    const append = { streamId: 's-1', eventIds: ['a', 'b'], expectedRevision: 2 };
    // A retry answers as the original did, whatever the stream's revision now demands.
    expect(decideAppend(append, 4, storedAt(rows))).toEqual(rows.b);
  });

  it('refuses ids stored elsewhere, or not at the end of the stream', () => {
    const rows = { a: { streamId: 's-2', revision: 0, position: 1 } };
    const append = { streamId: 's-1', eventIds: ['a'], expectedRevision: 'any' as const };
    expect(isDuplicateEventId(caught(() => decideAppend(append, -1, storedAt(rows))))).toBe(true);
    const own = { a: { streamId: 's-1', revision: 0, position: 1 } };
    expect(isDuplicateEventId(caught(() => decideAppend(append, 1, storedAt(own))))).toBe(true);
  });

  it.each([
    ['no_stream', 0],
    ['stream_exists', -1],
    [2, 3],
  ] as const)('refuses expected %s when the stream is at %i', (expected, actual) => {
    const append = { streamId: 's-1', eventIds: ['x'], expectedRevision: expected };
    const error = caught(() => decideAppend(append, actual, storedAt({})));
    expect(isWrongExpectedRevision(error)).toBe(true);
    expect((error as { actual: number }).actual).toBe(actual);
  });
});

describe('isExpectedRevision', () => {
  it('takes the named ones and revisions from -1 up to the limit', () => {
    expect(
      ['no_stream', 'stream_exists', 'any', -1, 0, 7].every((v) => isExpectedRevision(v)),
    ).toBe(true);
    expect([-2, 1.5, 'latest', null, 2 ** 31].some((v) => isExpectedRevision(v, 2 ** 31 - 1))).toBe(
      false,
    );
  });
});
