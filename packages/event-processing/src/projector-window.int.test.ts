import type { RecordedEvent } from '@crm/event-store';
import type { Collection, Document, DocumentStore } from '@crm/read-store';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  LEDGER,
  appendAccountEvents,
  batched,
  dump,
  oneByOne,
  withoutCheckpointSaves,
} from './projector-fixtures.ts';
import { caughtUp, CHECKPOINT, documentStore, eventStore, project } from './projector-testing.ts';
import type { Projection } from './projection.ts';

/** The real store, counting what reaches it: reads by id, and the ledger positions written. */
function watched(real: DocumentStore) {
  const seen = { reads: 0, documentsWritten: 0, ledger: new Set<number>() };
  const collection = <T extends Document>(name: string): Collection<T> => {
    const inner = real.collection<T>(name);
    const record = (docs: readonly T[]) => {
      seen.documentsWritten += docs.length;
      if (name === LEDGER) for (const doc of docs) seen.ledger.add(Number(doc.position));
    };
    return {
      ...inner,
      get: (id) => (seen.reads++, inner.get(id)),
      getVersioned: (id) => (seen.reads++, inner.getVersioned(id)),
      getManyVersioned: (ids) => ((seen.reads += ids.length), inner.getManyVersioned(ids)),
      put: async (doc, version) => {
        const wrote = await inner.put(doc, version);
        record([doc]);
        return wrote;
      },
      putMany: async (writes) => {
        const written = await inner.putMany(writes);
        record(writes.map(({ doc }) => doc));
        return written;
      },
    };
  };
  const store: DocumentStore = {
    collection,
    getCheckpoint: (name) => real.getCheckpoint(name),
    setCheckpoint: (name, position) => real.setCheckpoint(name, position),
    close: () => real.close(),
  };
  return { store, seen };
}

async function reference(events: ReturnType<typeof eventStore>) {
  const store = documentStore();
  const projector = await project({
    eventStore: events,
    documentStore: store,
    projection: oneByOne(),
  });
  await caughtUp(projector, events);
  return dump(store);
}

describe('Projector catch-up windows', () => {
  it('rebuilds from scratch with one write per document and no reads of the store', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 30, appends: 400, seed: 11 });
    const { store, seen } = watched(documentStore());
    const projector = await project({
      eventStore: events,
      documentStore: store,
      projection: batched(),
      batchSize: 25,
    });
    await caughtUp(projector, events);
    const { reads, documentsWritten } = seen;

    const built = await dump(store);
    const documents = (built[ACCOUNTS]?.length ?? 0) + (built[LEDGER]?.length ?? 0);
    expect(reads).toBe(0);
    expect(documentsWritten).toBe(documents);
    expect(built).toEqual(await reference(events));
  });

  it('never reports or saves a position past an event not yet in the store', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 20, appends: 300, seed: 12 });
    const { store, seen } = watched(documentStore());
    const claims: { position: number; written: Set<number> }[] = [];
    const saving: DocumentStore = {
      ...store,
      setCheckpoint: (name, position) => {
        claims.push({ position, written: new Set(seen.ledger) });
        return store.setCheckpoint(name, position);
      },
    };
    const projector = await project({
      eventStore: events,
      documentStore: saving,
      projection: batched(),
      batchSize: 10,
      catchUpWindow: { events: 60, documents: 15 },
      start: false,
    });
    projector.onProgress(() =>
      claims.push({ position: projector.position(), written: new Set(seen.ledger) }),
    );
    await projector.start();
    await caughtUp(projector, events);
    await projector.stop();

    const all = await events.readAll({ filter: { categories: ['account'] } });
    const unwritten = ({ position, written }: (typeof claims)[number]) =>
      all.some((event) => event.position <= position && !written.has(event.position));
    expect(claims.length).toBeGreaterThan(10);
    expect(claims.filter(unwritten)).toEqual([]);
    expect(await store.getCheckpoint(CHECKPOINT)).toBeGreaterThanOrEqual(all.at(-1)!.position);
  });

  it('catches up a stored read model through small windows, after a crash replay too', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 25, appends: 200, seed: 13 });
    const store = documentStore();
    const window = { events: 40, documents: 8 }; // evicts, and reads back what it evicted
    const first = await project({
      eventStore: events,
      documentStore: store,
      projection: batched(),
      catchUpWindow: window,
    });
    await caughtUp(first, events);
    await first.stop();

    await appendAccountEvents(events, { accounts: 40, appends: 200, seed: 14 });
    const crashed = await project({
      eventStore: events,
      documentStore: withoutCheckpointSaves(store),
      projection: batched(),
      batchSize: 16,
      catchUpWindow: window,
    });
    await caughtUp(crashed, events);
    await crashed.stop();
    await appendAccountEvents(events, { accounts: 40, appends: 100, seed: 15 });
    const restarted = await project({
      eventStore: events,
      documentStore: store,
      projection: batched(),
      batchSize: 16,
      catchUpWindow: window,
    });
    await caughtUp(restarted, events);
    expect(await dump(store)).toEqual(await reference(events));
  });

  it('flushes the window before a query, so a batch sees the writes made before it', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 10, appends: 120, seed: 16 });
    const counts: { handled: number; stored: number }[] = [];
    let handled = 0;
    const projection = batched();
    const querying: Projection = {
      ...projection,
      handleBatch: async (batch: readonly RecordedEvent[], documents: DocumentStore) => {
        await projection.handleBatch(batch, documents);
        handled += batch.length;
        counts.push({ handled, stored: await documents.collection(LEDGER).count({}) });
      },
    };
    const projector = await project({
      eventStore: events,
      documentStore: documentStore(),
      projection: querying,
      batchSize: 20,
    });
    await caughtUp(projector, events);
    expect(counts.length).toBeGreaterThan(3);
    expect(counts.filter(({ handled, stored }) => handled !== stored)).toEqual([]);
  });

  it('writes each batch on its own once live', async () => {
    const events = eventStore();
    await appendAccountEvents(events, { accounts: 10, appends: 50, seed: 17 });
    const { store, seen } = watched(documentStore());
    const projector = await project({
      eventStore: events,
      documentStore: store,
      projection: batched(),
    });
    await caughtUp(projector, events);
    const before = seen.ledger.size;

    await appendAccountEvents(events, { accounts: 10, appends: 1, seed: 18 });
    await caughtUp(projector, events);
    expect(seen.ledger.size).toBeGreaterThan(before);
    expect(await dump(store)).toEqual(await reference(events));
  });
});
