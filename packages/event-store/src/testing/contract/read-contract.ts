// Reading: a stream by revision range, the whole store by position with checkpoints, limits and
// category filters, the head, and durability across a reopen.
import { describe, expect, it } from 'vitest';
import type { EventToAppend, ReadStreamOptions } from '../../event-store.ts';
import {
  expectStrictlyIncreasing,
  idsOf,
  newEvent,
  newEvents,
  positionsOf,
  streamIn,
  uniqueCategory,
  type ContractContext,
} from './contract-context.ts';

export function readContract({ store, reopen }: ContractContext): void {
  describe('readStream', () => {
    const revisionsRead = async (options: ReadStreamOptions) => {
      const streamId = streamIn(uniqueCategory());
      await store().append(streamId, newEvents(10), { expectedRevision: 'no_stream' });
      return (await store().readStream(streamId, options)).map(({ revision }) => revision);
    };

    it.each<[ReadStreamOptions, number[]]>([
      [{}, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
      [{ fromRevision: 7 }, [7, 8, 9]],
      [{ toRevision: 2 }, [0, 1, 2]],
      [{ fromRevision: 3, toRevision: 5 }, [3, 4, 5]],
      [{ maxCount: 3 }, [0, 1, 2]],
      [{ fromRevision: 8, maxCount: 5 }, [8, 9]],
      [{ fromRevision: 2, toRevision: 8, maxCount: 2 }, [2, 3]],
      [{ fromRevision: 10 }, []],
      [{ fromRevision: 6, toRevision: 4 }, []],
      [{ maxCount: 0 }, []],
    ])('reads %o as revisions %o', async (options, expected) => {
      expect(await revisionsRead(options)).toEqual(expected);
    });
  });

  describe('readAll', () => {
    /** Appends one at a time across two categories, in a known order. */
    const appendInterleaved = async () => {
      const [a, b] = [uniqueCategory(), uniqueCategory()];
      const [a1, a2, b1] = [streamIn(a), streamIn(a), streamIn(b)];
      const start = await store().headPosition();
      const order: { streamId: string; event: EventToAppend }[] = [];
      for (const streamId of [a1, b1, a2, a1, b1, a2, a1]) {
        const event = newEvent();
        await store().append(streamId, [event], { expectedRevision: 'any' });
        order.push({ streamId, event });
      }
      const idsIn = (category: string) =>
        order
          .filter(({ streamId }) => streamId.startsWith(`${category}-`))
          .map(({ event }) => event.id);
      return { a, b, start, all: order.map(({ event }) => event.id), idsIn };
    };

    it('returns events in position order, filtered by category', async () => {
      const { a, b, start, all, idsIn } = await appendInterleaved();
      const ofA = await store().readAll({ after: start, filter: { categories: [a] } });
      expect(idsOf(ofA)).toEqual(idsIn(a));
      expectStrictlyIncreasing(positionsOf(ofA));
      const ofBoth = await store().readAll({ after: start, filter: { categories: [b, a] } });
      expect(idsOf(ofBoth)).toEqual(all);
      expectStrictlyIncreasing(positionsOf(ofBoth));
      const none = await store().readAll({
        after: start,
        filter: { categories: [uniqueCategory()] },
      });
      expect(none).toEqual([]);
    });

    it('without a filter returns every category, in position order', async () => {
      const { start, all } = await appendInterleaved();
      const read = await store().readAll({ after: start });
      expectStrictlyIncreasing(positionsOf(read));
      const ours = new Set(all);
      expect(idsOf(read).filter((id) => ours.has(id))).toEqual(all);
    });

    it('continues after a checkpoint and stops at maxCount', async () => {
      const { a, start, idsIn } = await appendInterleaved();
      const filter = { categories: [a] };
      const firstTwo = await store().readAll({ after: start, maxCount: 2, filter });
      expect(idsOf(firstTwo)).toEqual(idsIn(a).slice(0, 2));
      const rest = await store().readAll({ after: firstTwo[1]!.position, filter });
      expect(idsOf(rest)).toEqual(idsIn(a).slice(2));
      const next = await store().readAll({ after: firstTwo[0]!.position, maxCount: 1, filter });
      expect(idsOf(next)).toEqual(idsIn(a).slice(1, 2));
    });
  });

  it('headPosition is the position of the last event in the store', async () => {
    const before = await store().headPosition();
    const streamId = streamIn(uniqueCategory());
    const first = await store().append(streamId, newEvents(2), { expectedRevision: 'no_stream' });
    expect(first.position).toBeGreaterThan(before);
    expect(await store().headPosition()).toBeGreaterThanOrEqual(first.position);
    const second = await store().append(streamId, [newEvent()], { expectedRevision: 1 });
    expect(second.position).toBeGreaterThan(first.position);
    expect(await store().headPosition()).toBeGreaterThanOrEqual(second.position);
  });

  it('keeps everything appended (across a reopen when the fixture can reopen)', async () => {
    const category = uniqueCategory();
    const [one, two] = [streamIn(category), streamIn(category)];
    const start = await store().headPosition();
    await store().append(one, newEvents(3), { expectedRevision: 'no_stream' });
    await store().append(two, newEvents(2), { expectedRevision: 'no_stream' });
    const streams = [await store().readStream(one), await store().readStream(two)];
    const all = await store().readAll({ after: start, filter: { categories: [category] } });

    const reopened = await reopen();

    expect([await reopened.readStream(one), await reopened.readStream(two)]).toEqual(streams);
    expect(await reopened.readAll({ after: start, filter: { categories: [category] } })).toEqual(
      all,
    );
    expect(await reopened.headPosition()).toBeGreaterThanOrEqual(all.at(-1)!.position);
    const next = await reopened.append(one, [newEvent()], { expectedRevision: 2 });
    expect(next.nextExpectedRevision).toBe(3);
    expect(next.position).toBeGreaterThan(all.at(-1)!.position);
  });
}
