// Concurrent writers: optimistic concurrency lets exactly one of many competing appends win, and
// appends to different streams never block or reorder each other.
import { expect, it } from 'vitest';
import { isWrongExpectedRevision, type ExpectedRevision } from '../../event-store.ts';
import {
  expectStrictlyIncreasing,
  idsOf,
  newEvent,
  positionsOf,
  streamIn,
  uniqueCategory,
  type ContractContext,
} from './contract-context.ts';

const WRITERS = 20;

export function concurrencyContract({ store }: ContractContext): void {
  const race = async (streamId: string, expectedRevision: ExpectedRevision) => {
    const attempts = Array.from({ length: WRITERS }, () => [newEvent()]);
    const outcomes = await Promise.allSettled(
      attempts.map((events) => store().append(streamId, events, { expectedRevision })),
    );
    const winners = outcomes.flatMap((outcome, index) =>
      outcome.status === 'fulfilled' ? [attempts[index]![0]!.id] : [],
    );
    const losers = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    return { winners, losers };
  };

  it(`${WRITERS} concurrent appends expecting the same revision: exactly one wins`, async () => {
    const streamId = streamIn(uniqueCategory());
    await store().append(streamId, [newEvent()], { expectedRevision: 'no_stream' });

    const { winners, losers } = await race(streamId, 0);

    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(WRITERS - 1);
    for (const error of losers) {
      expect(isWrongExpectedRevision(error)).toBe(true);
      expect(error).toMatchObject({ streamId, expected: 0, actual: 1 });
    }
    const stream = await store().readStream(streamId);
    expect(stream.map(({ revision }) => revision)).toEqual([0, 1]);
    expect(stream[1]!.id).toBe(winners[0]);
  });

  it(`${WRITERS} concurrent appends creating the same stream: exactly one wins`, async () => {
    const streamId = streamIn(uniqueCategory());

    const { winners, losers } = await race(streamId, 'no_stream');

    expect(winners).toHaveLength(1);
    for (const error of losers) {
      expect(error).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', streamId, actual: 0 });
    }
    expect(idsOf(await store().readStream(streamId))).toEqual(winners);
  });

  it(`${WRITERS} concurrent appends with 'any' to one stream all land, in distinct revisions`, async () => {
    const streamId = streamIn(uniqueCategory());

    const { winners, losers } = await race(streamId, 'any');

    expect(losers).toEqual([]);
    const stream = await store().readStream(streamId);
    expect(stream.map(({ revision }) => revision)).toEqual([...Array(WRITERS).keys()]);
    expect(new Set(idsOf(stream))).toEqual(new Set(winners));
    expectStrictlyIncreasing(positionsOf(stream));
  });

  it('50 concurrent appends to different streams all succeed at distinct positions', async () => {
    const category = uniqueCategory();
    const start = await store().headPosition();
    const appends = Array.from({ length: 50 }, () => ({
      streamId: streamIn(category),
      event: newEvent(),
    }));

    const results = await Promise.all(
      appends.map(({ streamId, event }) =>
        store().append(streamId, [event], { expectedRevision: 'no_stream' }),
      ),
    );

    expect(results.every(({ nextExpectedRevision }) => nextExpectedRevision === 0)).toBe(true);
    expect(new Set(results.map(({ position }) => position)).size).toBe(50);
    const all = await store().readAll({ after: start, filter: { categories: [category] } });
    expectStrictlyIncreasing(positionsOf(all));
    expect(new Set(idsOf(all))).toEqual(new Set(appends.map(({ event }) => event.id)));
    const positionOf = new Map(all.map((event) => [event.id, event.position]));
    appends.forEach(({ event, streamId }, index) => {
      expect(positionOf.get(event.id)).toBe(results[index]!.position);
      expect(all.find(({ id }) => id === event.id)?.streamId).toBe(streamId);
    });
  });
}
