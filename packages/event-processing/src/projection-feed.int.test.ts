import type { EventStore, RecordedEvent } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import { describe, expect, it } from 'vitest';
import { LEDGER, appendAccountEvents, batched, dump, oneByOne } from './projector-fixtures.ts';
import { caughtUp, CHECKPOINT, documentStore, eventStore, project } from './projector-testing.ts';
import type { Projection } from './projection.ts';

describe('Projector feeding a projection in batches', () => {
  it('hands over full batches during catch-up, never more than batchSize', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 30, appends: 500, seed: 3 });
    const sizes: number[] = [];
    const projection = batched();
    const counted: Projection = {
      ...projection,
      handleBatch: (batch, store) => (
        sizes.push(batch.length),
        projection.handleBatch(batch, store)
      ),
    };
    const projector = await project({
      eventStore: events,
      documentStore: documentStore(),
      projection: counted,
      batchSize: 100,
    });
    await caughtUp(projector, events);

    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(Math.max(...sizes)).toBe(100);
    expect(sizes.length).toBeLessThan(total / 50);
  });

  it('never reports or saves a position past an event that is not written', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 20, appends: 300, seed: 6 });
    const written = new Set<number>();
    // What was written when a position was reported or saved; judged once the whole log is known.
    const claims: { position: number; written: Set<number> }[] = [];
    const real = documentStore();
    const watched: DocumentStore = {
      collection: (name) => real.collection(name),
      getCheckpoint: (name) => real.getCheckpoint(name),
      setCheckpoint: (name, position) => {
        claims.push({ position, written: new Set(written) });
        return real.setCheckpoint(name, position);
      },
      close: () => real.close(),
    };
    const projection = batched();
    const recording: Projection = {
      ...projection,
      handleBatch: async (batch, store) => {
        await projection.handleBatch(batch, store);
        for (const event of batch) written.add(event.position);
      },
    };
    const projector = await project({
      eventStore: events,
      documentStore: watched,
      projection: recording,
      batchSize: 37,
      catchUpWindow: false, // every batch reported on its own (windows: projector-window tests)
      start: false,
    });
    projector.onProgress(() =>
      claims.push({ position: projector.position(), written: new Set(written) }),
    );
    await projector.start();
    await appendAccountEvents(events, { accounts: 20, appends: 100, seed: 7 });
    await caughtUp(projector, events);
    await projector.stop();

    const all = await events.readAll({ filter: { categories: ['account'] } });
    const unwritten = ({ position, written }: (typeof claims)[number]) =>
      all.some((event) => event.position <= position && !written.has(event.position));
    expect(claims.length).toBeGreaterThan(20);
    expect(claims.filter(unwritten)).toEqual([]);
    expect(await real.getCheckpoint(CHECKPOINT)).toBeGreaterThanOrEqual(all.at(-1)!.position);
  });

  it.each([
    ['in batches', true],
    ['one by one', false],
  ])(
    'fails a projection whose write fails (%s), writes nothing after it, and retries',
    async (_, inBatches) => {
      const events = eventStore();
      await appendAccountEvents(events, { accounts: 15, appends: 120, seed: 8 });
      const all = await events.readAll({ filter: { categories: ['account'] } });
      const poison = all[Math.floor(all.length / 2)]!;
      const store = documentStore();
      const projection = inBatches ? batched() : oneByOne();
      let attempts = 0;
      const failOnce = (batch: readonly RecordedEvent[]): void => {
        if (batch.some((event) => event.id === poison.id) && attempts++ === 0) {
          throw new Error('read store unavailable');
        }
      };
      const flaky: Projection = {
        ...projection,
        handle: async (event, documents) => {
          failOnce([event]);
          await projection.handle(event, documents);
        },
        ...(inBatches
          ? {
              handleBatch: async (batch: readonly RecordedEvent[], documents: DocumentStore) => {
                failOnce(batch);
                await projection.handleBatch!(batch, documents);
              },
            }
          : {}),
      };
      const projector = await project({
        eventStore: events,
        documentStore: store,
        projection: flaky,
        batchSize: 10,
      });

      await expect.poll(() => projector.status()[0]?.state).toBe('failed');
      expect(projector.status()[0]).toMatchObject({ error: 'read store unavailable' });
      expect(projector.position()).toBeLessThan(poison.position);
      expect((await store.getCheckpoint(CHECKPOINT)) ?? 0).toBeLessThan(poison.position);
      expect(await store.collection(LEDGER).count({ position: { $gte: poison.position } })).toBe(0);

      await caughtUp(projector, events);
      await expect.poll(() => projector.status()[0]?.state).toBe('live');
      const reference = documentStore();
      await caughtUp(
        await project({ eventStore: events, documentStore: reference, projection: oneByOne() }),
        events,
      );
      expect(await dump(store)).toEqual(await dump(reference));
    },
  );

  it('holds the subscription while a full batch is being written (back-pressure)', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 10, appends: 200, seed: 9 });
    let delivered = 0;
    const counting: EventStore = {
      ...events,
      subscribeToAll: (options) =>
        events.subscribeToAll({
          ...options,
          onEvent: (event) => (delivered++, options.onEvent(event)),
        }),
    };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const projection = batched();
    const slow: Projection = {
      ...projection,
      handleBatch: async (batch, store) => {
        await gate;
        await projection.handleBatch(batch, store);
      },
    };
    const projector = await project({
      eventStore: counting,
      documentStore: documentStore(),
      projection: slow,
      batchSize: 20,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(delivered).toBe(20);

    release();
    await caughtUp(projector, events);
  });
});
