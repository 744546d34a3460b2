// A rebuild: a projector with no checkpoint replays the whole log into empty read models. Timed
// from start() until every projection has reached the head; then the documents are checked.
// The projector folds the catch-up in windows (@crm/event-processing), so what the projection
// writes and what reaches the read store differ: the figures count what reaches the store.
import { performance } from 'node:perf_hooks';
import { Projector, type CatchUpWindowOptions } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import type { Collection, Document, DocumentStore } from '@crm/read-store';
import { CARDS, customerCardProjection, type CustomerCard } from './customer-card.ts';
import type { Throughput } from './relay-throughput.ts';

export interface RebuildFigures extends Throughput {
  /** Whether the projector handed the events over in batches (handleBatch) or one by one. */
  batches: number;
  meanBatchSize: number;
  oneByOne: number;
  /** Documents put into the read store (each customer once per catch-up window it is in). */
  writes: number;
  /** Ids read from the read store by id (none in a fresh rebuild that fits one window). */
  reads: number;
}

/** The store, counting the documents put into it and the ids read from it by id. */
function counting(store: DocumentStore) {
  const counts = { writes: 0, reads: 0 };
  const collection = <T extends Document>(name: string): Collection<T> => {
    const inner = store.collection<T>(name);
    return {
      ...inner,
      getVersioned: (id) => (counts.reads++, inner.getVersioned(id)),
      getManyVersioned: (ids) => ((counts.reads += ids.length), inner.getManyVersioned(ids)),
      put: (doc, version) => (counts.writes++, inner.put(doc, version)),
      putMany: (writes) => ((counts.writes += writes.length), inner.putMany(writes)),
    };
  };
  const counted: DocumentStore = {
    collection,
    getCheckpoint: (name) => store.getCheckpoint(name),
    setCheckpoint: (name, position) => store.setCheckpoint(name, position),
    close: () => store.close(),
  };
  return { counted, counts };
}

export async function measureRebuild(options: {
  eventStore: EventStore;
  documentStore: DocumentStore;
  customers: number;
  eventsPerCustomer: number;
  /** Past this the rebuild is stopped and its rate so far reported (finished: false). */
  capMs: number;
  /** The projector's default unless given (`false`: every batch written on its own). */
  catchUpWindow?: CatchUpWindowOptions | false;
}): Promise<RebuildFigures> {
  const head = await options.eventStore.headPosition();
  const projection = customerCardProjection();
  const { counted, counts } = counting(options.documentStore);
  const projector = new Projector({
    eventStore: options.eventStore,
    documentStore: counted,
    projections: [projection],
    ...(options.catchUpWindow !== undefined && { catchUpWindow: options.catchUpWindow }),
  });
  const started = performance.now();
  await projector.start();
  const finished = await projector.waitForPosition(head, options.capMs);
  const seconds = (performance.now() - started) / 1_000;
  await projector.stop();
  const status = projector.status()[0];
  if (status?.state === 'failed') throw new Error(`the rebuild failed: ${status.error}`);
  if (finished) {
    await assertRebuilt(options.documentStore, options.customers, options.eventsPerCustomer - 1);
  }
  const { handle, batches, batchedEvents } = projection.calls;
  const { writes, reads } = counts;
  const events = handle + batchedEvents;
  return {
    events,
    seconds,
    perSecond: events / seconds,
    finished,
    batches,
    meanBatchSize: batches === 0 ? 0 : batchedEvents / batches,
    oneByOne: handle,
    writes,
    reads,
  };
}

/** A figure for a rebuild that wrote the wrong documents would mean nothing. */
async function assertRebuilt(store: DocumentStore, customers: number, lastRevision: number) {
  const cards = store.collection<CustomerCard>(CARDS);
  const count = await cards.count({});
  if (count !== customers) throw new Error(`rebuild wrote ${count} cards, expected ${customers}`);
  const [sample] = (await cards.find({}, { limit: 1 })).items;
  const versioned = sample ? await cards.getVersioned(sample._id) : null;
  if (versioned?.version !== lastRevision || versioned.doc.name === '') {
    throw new Error(`card ${sample?._id} is not folded from all its events`);
  }
  if (lastRevision < 4) return;
  // Every card, by what its events 1 and 3 (tag, interaction) and 4 (rename: "…号") left.
  const folded = await cards.count({ tags: '重点', interactions: 1, name: { $contains: '号' } });
  if (folded !== customers)
    throw new Error(`${customers - folded} cards miss some of their events`);
}
