// subscribeToAll: catch up from a checkpoint, then live; one event at a time in position order,
// nothing twice, nothing skipped; stop() and handler failures end delivery.
import { expect, it } from 'vitest';
import type { RecordedEvent, SubscribeToAllOptions } from '../../event-store.ts';
import {
  expectStrictlyIncreasing,
  idsOf,
  newEvent,
  newEvents,
  positionsOf,
  sleep,
  streamIn,
  uniqueCategory,
  waitUntil,
  type ContractContext,
} from './contract-context.ts';

/** Long enough for a live event to arrive if delivery had not stopped. */
const QUIET_MS = 300;

export function subscriptionContract({ store }: ContractContext): void {
  const follow = (options: Partial<SubscribeToAllOptions> & { after: number }) => {
    const received: RecordedEvent[] = [];
    const caughtUp: number[] = [];
    const errors: unknown[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const subscription = store().subscribeToAll({
      onEvent: async (event) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await sleep(1);
        received.push(event);
        inFlight--;
      },
      onCaughtUp: (position) => caughtUp.push(position),
      onError: (error) => errors.push(error),
      ...options,
    });
    return { subscription, received, caughtUp, errors, maxInFlight: () => maxInFlight };
  };

  it('catches up from a checkpoint, then receives live events in order', async () => {
    const [category, other] = [uniqueCategory(), uniqueCategory()];
    const [one, two, noise] = [streamIn(category), streamIn(category), streamIn(other)];
    const before = newEvents(3);
    for (const event of before) {
      await store().append(one, [event], { expectedRevision: 'any' });
      await store().append(noise, [newEvent()], { expectedRevision: 'any' });
    }
    const checkpoint = (await store().readStream(one))[0]!.position;

    const run = follow({ after: checkpoint, filter: { categories: [category] } });
    await waitUntil('caught up', () => run.caughtUp.length > 0 && run.received.length === 2);
    expect(idsOf(run.received)).toEqual(idsOf(before.slice(1)));
    expect(run.caughtUp[0]).toBeGreaterThanOrEqual(run.received[1]!.position);

    const live = [newEvent(), newEvent(), newEvent()];
    await store().append(two, [live[0]!], { expectedRevision: 'no_stream' });
    await store().append(noise, [newEvent()], { expectedRevision: 'any' });
    await store().append(one, live.slice(1), { expectedRevision: 2 });
    await waitUntil('live events arrive', () => run.received.length === 5);
    await run.subscription.stop();

    expect(idsOf(run.received)).toEqual(idsOf([...before.slice(1), ...live]));
    expectStrictlyIncreasing(positionsOf(run.received));
    expect(run.maxInFlight()).toBe(1);
    expect(run.errors).toEqual([]);

    await store().append(one, [newEvent()], { expectedRevision: 4 });
    await sleep(QUIET_MS);
    expect(run.received).toHaveLength(5);
  });

  it('catches up across many events without gaps or duplicates', { timeout: 30_000 }, async () => {
    const category = uniqueCategory();
    const streams = [streamIn(category), streamIn(category), streamIn(category)];
    const start = await store().headPosition();
    const appended = [];
    for (let batch = 0; batch < 12; batch++) {
      const events = newEvents(100);
      await store().append(streams[batch % 3]!, events, { expectedRevision: 'any' });
      appended.push(...events);
    }

    const run = follow({ after: start, filter: { categories: [category] } });
    await waitUntil('caught up', () => run.caughtUp.length > 0, 25_000);
    const live = newEvents(5);
    await store().append(streams[0]!, live, { expectedRevision: 'any' });
    await waitUntil('live events arrive', () => run.received.length >= 1205, 5_000);
    await run.subscription.stop();

    expect(idsOf(run.received)).toEqual(idsOf([...appended, ...live]));
    expectStrictlyIncreasing(positionsOf(run.received));
    expect(run.caughtUp[0]).toBeGreaterThanOrEqual(run.received[1199]!.position);
  });

  it('without a filter delivers every event after the checkpoint in position order', async () => {
    const start = await store().headPosition();
    const run = follow({ after: start });
    const ours = new Set<string>();
    for (const category of [uniqueCategory(), uniqueCategory()]) {
      const events = newEvents(3);
      await store().append(streamIn(category), events, { expectedRevision: 'no_stream' });
      for (const { id } of events) ours.add(id);
    }
    await waitUntil('all arrive', () => run.received.filter(({ id }) => ours.has(id)).length === 6);
    await run.subscription.stop();

    expect(run.received[0]!.position).toBeGreaterThan(start);
    expectStrictlyIncreasing(positionsOf(run.received));
  });

  it('reports caught up at once when there is nothing to deliver', async () => {
    const start = await store().headPosition();
    const run = follow({ after: start, filter: { categories: [uniqueCategory()] } });
    await waitUntil('caught up', () => run.caughtUp.length > 0);
    await run.subscription.stop();
    expect(run.caughtUp[0]).toBeGreaterThanOrEqual(start);
    expect(run.received).toEqual([]);
  });

  it('stop() resolves after the event in flight is handled, and nothing follows', async () => {
    const category = uniqueCategory();
    const start = await store().headPosition();
    await store().append(streamIn(category), newEvents(3), { expectedRevision: 'no_stream' });
    let started = 0;
    let finished = 0;
    const subscription = store().subscribeToAll({
      after: start,
      filter: { categories: [category] },
      onEvent: async () => {
        started++;
        await sleep(100);
        finished++;
      },
    });
    await waitUntil('the first event is in flight', () => started === 1);

    await subscription.stop();

    expect(finished).toBe(1);
    await sleep(QUIET_MS);
    expect(started).toBe(1);
  });

  it('a failing handler stops the subscription and reports the error once', async () => {
    const category = uniqueCategory();
    const streamId = streamIn(category);
    const start = await store().headPosition();
    await store().append(streamId, newEvents(3), { expectedRevision: 'no_stream' });
    const failure = new Error('handler failed');
    const handled: string[] = [];
    const errors: unknown[] = [];
    const subscription = store().subscribeToAll({
      after: start,
      filter: { categories: [category] },
      onEvent: (event) => {
        handled.push(event.id);
        return handled.length === 2 ? Promise.reject(failure) : Promise.resolve();
      },
      onError: (error) => errors.push(error),
    });
    await waitUntil('the error is reported', () => errors.length > 0);
    await store().append(streamId, [newEvent()], { expectedRevision: 2 });
    await sleep(QUIET_MS);

    expect(errors).toEqual([failure]);
    expect(handled).toHaveLength(2);
    await subscription.stop();
  });
}
