// Deciding a batch in memory: call order, retries inside and outside the batch, refusals that
// leave the rest of the batch alone, and the rows and stream moves handed to the write.
import { isDuplicateEventId, isWrongExpectedRevision } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import { decideBatch, resultOf, type Decision, type StreamState } from './append-batch.ts';
import { toAppendRequest } from './append-request.ts';

const metadata = { correlationId: 'c', causationId: 'c', actor: 'user:test' };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const event = (n: number) => ({ id: id(n), type: 'Happened', data: { n }, metadata });
const newStream = (): StreamState => ({ revision: -1, position: { stored: 0 } });
const BASE = 100;

const outcome = (decision: Decision) =>
  decision.ok
    ? resultOf(decision, BASE)
    : {
        wrong: isWrongExpectedRevision(decision.error) ? decision.error.actual : undefined,
        duplicate: isDuplicateEventId(decision.error),
      };

describe('decideBatch', () => {
  it('applies appends in call order: a later one sees what an earlier one wrote', () => {
    const streams = new Map([
      ['a-1', newStream()],
      ['b-1', { revision: 4, position: { stored: 40 } }],
    ]);
    const batch = decideBatch(
      [
        toAppendRequest('a-1', [event(1), event(2)], 'no_stream'),
        toAppendRequest('a-1', [event(3)], 'no_stream'),
        toAppendRequest('b-1', [event(4)], 4),
        toAppendRequest('a-1', [event(5)], 1),
        toAppendRequest('b-1', [], 'stream_exists'),
      ],
      streams,
      new Map(),
    );
    expect(batch.decisions.map(outcome)).toEqual([
      { nextExpectedRevision: 1, position: 102 },
      { wrong: 1, duplicate: false },
      { nextExpectedRevision: 5, position: 103 },
      { nextExpectedRevision: 2, position: 104 },
      { nextExpectedRevision: 5, position: 103 },
    ]);
    expect(
      batch.rows.map(({ streamId, revision, category }) => [streamId, revision, category]),
    ).toEqual([
      ['a-1', 0, 'a'],
      ['a-1', 1, 'a'],
      ['b-1', 5, 'b'],
      ['a-1', 2, 'a'],
    ]);
    expect([...batch.moved]).toEqual([
      ['a-1', { revision: 2, position: { ordinal: 4 } }],
      ['b-1', { revision: 5, position: { ordinal: 3 } }],
    ]);
    expect(batch.unwritten).toEqual([]);
  });

  it('answers a retry of a stored append, and of one earlier in the same batch', () => {
    const stored = new Map([
      [id(1), { streamId: 'a-1', revision: 0, position: { stored: 7 } }],
      [id(2), { streamId: 'a-1', revision: 1, position: { stored: 9 } }],
    ]);
    const streams = new Map([
      ['a-1', { revision: 1, position: { stored: 9 } }],
      ['b-1', newStream()],
    ]);
    const batch = decideBatch(
      [
        toAppendRequest('a-1', [event(1), event(2)], 'no_stream'),
        toAppendRequest('b-1', [event(3)], 'no_stream'),
        toAppendRequest('b-1', [event(3)], 'no_stream'),
      ],
      streams,
      stored,
    );
    expect(batch.decisions.map(outcome)).toEqual([
      { nextExpectedRevision: 1, position: 9 },
      { nextExpectedRevision: 0, position: 101 },
      { nextExpectedRevision: 0, position: 101 },
    ]);
    expect(batch.rows).toHaveLength(1);
  });

  it('refuses ids used elsewhere, earlier in the stream or in part, alone', () => {
    const stored = new Map([
      [id(1), { streamId: 'a-1', revision: 0, position: { stored: 1 } }],
      [id(2), { streamId: 'a-1', revision: 1, position: { stored: 2 } }],
    ]);
    const streams = new Map([
      ['a-1', { revision: 1, position: { stored: 2 } }],
      ['b-1', newStream()],
    ]);
    const batch = decideBatch(
      [
        toAppendRequest('b-1', [event(1)], 'any'),
        toAppendRequest('a-1', [event(1)], 'any'),
        toAppendRequest('a-1', [event(2), event(3)], 'any'),
        toAppendRequest('a-1', [event(4)], 1),
      ],
      streams,
      stored,
    );
    expect(batch.decisions.map(outcome)).toEqual([
      { wrong: undefined, duplicate: true },
      { wrong: undefined, duplicate: true },
      { wrong: undefined, duplicate: true },
      { nextExpectedRevision: 2, position: 101 },
    ]);
    expect(batch.unwritten).toEqual(['b-1']);
  });
});

describe('toAppendRequest', () => {
  it.each([
    ['an empty stream id', () => toAppendRequest('', [event(1)], 'any')],
    ['an id that is not a UUID', () => toAppendRequest('a-1', [{ ...event(1), id: 'x' }], 'any')],
    ['a fractional revision', () => toAppendRequest('a-1', [event(1)], 1.5)],
    ['a revision below -1', () => toAppendRequest('a-1', [event(1)], -2)],
    ['a revision beyond an integer', () => toAppendRequest('a-1', [event(1)], 2 ** 31)],
    ['no metadata', () => toAppendRequest('a-1', [{ ...event(1), metadata: null! }], 'any')],
    ['U+0000 in data', () => toAppendRequest('a-1', [{ ...event(1), data: 'a\u0000' }], 'any')],
  ])('refuses %s with a TypeError', (_, build) => {
    expect(build).toThrow(TypeError);
  });

  it('keeps a backslash before u0000 (not U+0000) and lower-cases ids', () => {
    const request = toAppendRequest(
      'a-1',
      [{ ...event(1), id: id(1).toUpperCase(), data: '\\u0000' }],
      'any',
    );
    expect(request.events[0]).toMatchObject({ id: id(1), data: '"\\\\u0000"' });
  });

  it('refuses the same id twice in one append', () => {
    expect(() => toAppendRequest('a-1', [event(1), event(1)], 'any')).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_EVENT_ID' }),
    );
  });
});
