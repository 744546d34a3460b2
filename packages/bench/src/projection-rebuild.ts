// A rebuild: a projector with no checkpoint replays the whole log into empty read models. Timed
// from start() until every projection has reached the head; then the documents are checked.
import { performance } from 'node:perf_hooks';
import { Projector } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import { CARDS, customerCardProjection, type CustomerCard } from './customer-card.ts';
import type { Throughput } from './relay-throughput.ts';

export interface RebuildFigures extends Throughput {
  /** Whether the projector handed the events over in batches (handleBatch) or one by one. */
  batches: number;
  meanBatchSize: number;
  oneByOne: number;
  /** Documents written: one per event one by one, one per customer per batch when batched. */
  writes: number;
}

export async function measureRebuild(options: {
  eventStore: EventStore;
  documentStore: DocumentStore;
  customers: number;
  eventsPerCustomer: number;
  /** Past this the rebuild is stopped and its rate so far reported (finished: false). */
  capMs: number;
}): Promise<RebuildFigures> {
  const head = await options.eventStore.headPosition();
  const projection = customerCardProjection();
  const projector = new Projector({
    eventStore: options.eventStore,
    documentStore: options.documentStore,
    projections: [projection],
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
  const { handle, batches, batchedEvents, writes } = projection.calls;
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
}
