import type { DocumentStore } from '@crm/read-store';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  appendAccountEvents,
  batched,
  dump,
  oneByOne,
  withoutCheckpointSaves,
  type Account,
} from './projector-fixtures.ts';
import { caughtUp, CHECKPOINT, documentStore, eventStore, project } from './projector-testing.ts';

describe('Projector', () => {
  it('builds the same read models one by one and in batches, live appends included', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 40, appends: 400, seed: 1 });
    const single = documentStore();
    const inBatches = documentStore();
    const one = await project({
      eventStore: events,
      documentStore: single,
      projection: oneByOne(),
    });
    const many = await project({
      eventStore: events,
      documentStore: inBatches,
      projection: batched(),
      batchSize: 64,
    });
    await appendAccountEvents(events, { accounts: 60, appends: 200, seed: 2 });
    await caughtUp(one, events);
    await caughtUp(many, events);

    const expected = await dump(single);
    expect((expected[ACCOUNTS] ?? []).length).toBeGreaterThan(50);
    expect(await dump(inBatches)).toEqual(expected);
  });

  it('replays harmlessly after a crash that lost the checkpoint saves', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 25, appends: 150, seed: 4 });
    const reference = documentStore();
    const store = documentStore();
    const first = await project({
      eventStore: events,
      documentStore: store,
      projection: batched(),
    });
    await caughtUp(first, events);
    await first.stop();
    const saved = await store.getCheckpoint(CHECKPOINT);

    // The process that "crashes": it writes documents but none of its checkpoint saves land.
    await appendAccountEvents(events, { accounts: 35, appends: 150, seed: 5 });
    const crashed = await project({
      eventStore: events,
      documentStore: withoutCheckpointSaves(store),
      projection: batched(),
      batchSize: 32,
    });
    await caughtUp(crashed, events);
    await crashed.stop();
    expect(await store.getCheckpoint(CHECKPOINT)).toBe(saved);

    for (const projection of [batched(), oneByOne()]) {
      const restarted = await project({ eventStore: events, documentStore: store, projection });
      await caughtUp(restarted, events);
      await restarted.stop();
      await store.setCheckpoint(CHECKPOINT, 17); // and once more, from mid-way through a batch
    }
    await caughtUp(
      await project({ eventStore: events, documentStore: reference, projection: oneByOne() }),
      events,
    );
    expect(await dump(store)).toEqual(await dump(reference));
  });

  it('answers waitForPosition as soon as the batch holding the write is stored', async () => {
    const events = eventStore();
    const store = documentStore();
    const projector = await project({
      eventStore: events,
      documentStore: store,
      projection: batched(),
    });
    expect(await projector.waitForPosition(1, 30)).toBe(false);

    const progress: number[] = [];
    const unsubscribe = projector.onProgress(() => progress.push(projector.position()));
    const result = await events.append(
      'account-a1',
      [
        {
          id: '10000000-0000-4000-8000-000000000001',
          type: 'Opened',
          data: { accountId: 'a1', owner: 'o' },
          metadata: { correlationId: 'c', causationId: 'c', actor: 't' },
        },
        {
          id: '10000000-0000-4000-8000-000000000002',
          type: 'Deposited',
          data: { accountId: 'a1', amount: 5 },
          metadata: { correlationId: 'c', causationId: 'c', actor: 't' },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    expect(await projector.waitForPosition(result.position, 2_000)).toBe(true);
    unsubscribe();

    expect(await store.collection<Account>(ACCOUNTS).getVersioned('a1')).toMatchObject({
      doc: { balance: 5 },
      version: 1,
    });
    expect(progress.at(-1)).toBe(result.position);
  });

  it('rebuilds a batched projection from the start', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 20, appends: 150, seed: 10 });
    const store = documentStore();
    const projector = await project({
      eventStore: events,
      documentStore: store,
      projection: batched(),
      batchSize: 50,
    });
    await caughtUp(projector, events);
    const before = await dump(store);
    await store.collection(ACCOUNTS).put({ _id: 'stray' }, 1_000_000);

    await projector.rebuild('accounts');
    await caughtUp(projector, events);
    expect(await dump(store)).toEqual(before);
  });

  it('leaves no checkpoint write in flight once stop() has resolved', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 5, appends: 20, seed: 11 });
    const store = documentStore();
    let inFlight = 0;
    let started = 0;
    // A slow checkpoint write, as a remote read store under load: the timed save is still out
    // when stop() comes, and the store is closed right after stop() in a real shutdown.
    const slowSaves: DocumentStore = {
      collection: (name) => store.collection(name),
      getCheckpoint: (name) => store.getCheckpoint(name),
      setCheckpoint: async (name, position) => {
        inFlight++;
        started++;
        await new Promise((resolve) => setTimeout(resolve, 200));
        await store.setCheckpoint(name, position);
        inFlight--;
      },
      close: () => store.close(),
    };
    const projector = await project({
      eventStore: events,
      documentStore: slowSaves,
      projection: batched(),
    });
    await caughtUp(projector, events);
    for (let waited = 0; started === 0 && waited < 2_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(started).toBeGreaterThan(0);
    await projector.stop();
    expect(inFlight).toBe(0);
  });
});
