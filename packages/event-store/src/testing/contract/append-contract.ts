// Appending: what is written reads back unchanged, expected revisions are enforced with the
// actual revision reported, and a retried append is recognised.
import { describe, expect, it } from 'vitest';
import type { EventToAppend } from '../../event-store.ts';
import {
  expectStrictlyIncreasing,
  expectWrongRevision,
  idsOf,
  newEvent,
  newEvents,
  positionsOf,
  streamIn,
  uniqueCategory,
  type ContractContext,
} from './contract-context.ts';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function appendContract({ store }: ContractContext): void {
  /** A stream at revision `revision` (-1: a stream id nobody has used). */
  const streamAt = async (revision: number): Promise<string> => {
    const streamId = streamIn(uniqueCategory());
    if (revision >= 0) {
      await store().append(streamId, newEvents(revision + 1), { expectedRevision: 'no_stream' });
    }
    return streamId;
  };

  it('appends events and reads them back as they were written', async () => {
    const streamId = streamIn(uniqueCategory());
    const events: EventToAppend[] = [
      newEvent({ name: '张三', tags: ['vip', 'b2b'], address: { city: '上海' }, note: null }),
      newEvent({ amount: 12.5, won: true }, 'OtherThingHappened'),
      {
        ...newEvent([1, 'two', { three: 3 }]),
        metadata: {
          correlationId: 'corr-1',
          causationId: 'cause-1',
          actor: 'system:contract',
          traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        },
      },
    ];
    const before = await store().headPosition();
    const startedAt = Date.now();

    const result = await store().append(streamId, events, { expectedRevision: 'no_stream' });
    const read = await store().readStream(streamId);

    expect(
      read.map(({ id, streamId, type, revision, data, metadata }) => ({
        id,
        streamId,
        type,
        revision,
        data,
        metadata,
      })),
    ).toEqual(events.map((event, revision) => ({ ...event, streamId, revision })));
    expectStrictlyIncreasing(positionsOf(read));
    expect(read[0]!.position).toBeGreaterThan(before);
    expect(result).toEqual({ nextExpectedRevision: 2, position: read[2]!.position });
    for (const { recordedAt } of read) {
      expect(recordedAt).toMatch(ISO_UTC);
      expect(Math.abs(Date.parse(recordedAt) - startedAt)).toBeLessThan(5 * 60_000);
    }
  });

  it('reads a stream nobody appended to as empty', async () => {
    expect(await store().readStream(await streamAt(-1))).toEqual([]);
  });

  describe('expected revision', () => {
    it('no_stream: creates a new stream', async () => {
      const streamId = await streamAt(-1);
      const result = await store().append(streamId, [newEvent()], {
        expectedRevision: 'no_stream',
      });
      expect(result.nextExpectedRevision).toBe(0);
    });

    it('no_stream: refuses a stream that exists, reporting its revision', async () => {
      const streamId = await streamAt(1);
      await expectWrongRevision(
        store().append(streamId, [newEvent()], { expectedRevision: 'no_stream' }),
        { streamId, expected: 'no_stream', actual: 1 },
      );
      expect(await store().readStream(streamId)).toHaveLength(2);
    });

    it('stream_exists: appends to a stream that exists', async () => {
      const streamId = await streamAt(0);
      const result = await store().append(streamId, [newEvent()], {
        expectedRevision: 'stream_exists',
      });
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('stream_exists: refuses a missing stream with actual -1', async () => {
      const streamId = await streamAt(-1);
      await expectWrongRevision(
        store().append(streamId, [newEvent()], { expectedRevision: 'stream_exists' }),
        { streamId, expected: 'stream_exists', actual: -1 },
      );
      expect(await store().readStream(streamId)).toEqual([]);
    });

    it('any: appends to a missing stream and to an existing one', async () => {
      const streamId = await streamAt(-1);
      const first = await store().append(streamId, newEvents(2), { expectedRevision: 'any' });
      const second = await store().append(streamId, [newEvent()], { expectedRevision: 'any' });
      expect([first.nextExpectedRevision, second.nextExpectedRevision]).toEqual([1, 2]);
    });

    it('a number: appends when it is the revision of the last event', async () => {
      const streamId = await streamAt(1);
      const result = await store().append(streamId, newEvents(2), { expectedRevision: 1 });
      expect(result.nextExpectedRevision).toBe(3);
      expect((await store().readStream(streamId)).map(({ revision }) => revision)).toEqual([
        0, 1, 2, 3,
      ]);
    });

    it.each([0, 2, 7])(
      'a number: refuses %i when the stream is at revision 1',
      async (expected) => {
        const streamId = await streamAt(1);
        await expectWrongRevision(
          store().append(streamId, [newEvent()], { expectedRevision: expected }),
          { streamId, expected, actual: 1 },
        );
        expect(await store().readStream(streamId)).toHaveLength(2);
      },
    );

    it('a number: refuses a missing stream with actual -1', async () => {
      const streamId = await streamAt(-1);
      await expectWrongRevision(store().append(streamId, [newEvent()], { expectedRevision: 0 }), {
        streamId,
        expected: 0,
        actual: -1,
      });
    });
  });

  describe('idempotent retry', () => {
    it('answers a repeated append as the first time and writes nothing', async () => {
      const category = uniqueCategory();
      const streamId = streamIn(category);
      const start = await store().headPosition();
      const first = newEvents(2);
      const created = await store().append(streamId, first, { expectedRevision: 'no_stream' });
      expect(await store().append(streamId, first, { expectedRevision: 'no_stream' })).toEqual(
        created,
      );

      const next = [newEvent()];
      const appended = await store().append(streamId, next, { expectedRevision: 1 });
      expect(await store().append(streamId, next, { expectedRevision: 1 })).toEqual(appended);

      expect(idsOf(await store().readStream(streamId))).toEqual(idsOf([...first, ...next]));
      const all = await store().readAll({ after: start, filter: { categories: [category] } });
      expect(idsOf(all)).toEqual(idsOf([...first, ...next]));
    });
  });
}
