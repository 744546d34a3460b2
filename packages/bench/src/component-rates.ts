// What bounds the relay and the rebuild, each part measured alone on the same engines and data:
// reading the log, publishing to the bus, and the read store's reads and writes.
import { performance } from 'node:perf_hooks';
import type { EventBus, OutgoingMessage } from '@crm/event-bus';
import type { EventStore, RecordedEvent } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import { customerCardProjection, foldBatch, type CustomerCard } from './customer-card.ts';

const BATCH = 500;
const ONE_BY_ONE_EVENTS = 2_000;
const CHECKPOINTS = 50;
const SAMPLE = 5_000;

export interface ComponentRates {
  /** readAll in pages of 500 (as subscriptions read), events/s. */
  logRead: number;
  /** The relay's toMessage (CloudEvent, binary binding) alone, events/s. */
  toMessage: number;
  /** publish() of the relay's messages in batches of 500, messages/s. */
  busPublish: number;
  /** putMany of new cards, 500 per call, documents/s. */
  putMany: number;
  /** putMany of newer versions of 5,000 stored cards (updates), 500 per call, documents/s. */
  putManyUpdates: number;
  /** getManyVersioned of 5,000 of the cards, 500 ids per call, documents/s. */
  getMany: number;
  /** The projection's handle() alone, one event after another (getVersioned + put), events/s. */
  oneByOne: number;
  /** One setCheckpoint, mean ms: the relay saves one per batch, the projector every few. */
  checkpointMs: number;
}

const perSecond = (count: number, started: number): number =>
  count / ((performance.now() - started) / 1_000);

async function readLog(store: EventStore, head: number): Promise<[RecordedEvent[], number]> {
  const events: RecordedEvent[] = [];
  const started = performance.now();
  let after = 0;
  while (after < head) {
    const page = await store.readAll({
      after,
      maxCount: BATCH,
      filter: { categories: ['customer'] },
    });
    if (page.length === 0) break;
    events.push(...page);
    after = page.at(-1)!.position;
  }
  return [events, perSecond(events.length, started)];
}

async function publishAll(bus: EventBus, topic: string, messages: OutgoingMessage[]) {
  await bus.ensureTopics([{ name: topic }]);
  const started = performance.now();
  for (let i = 0; i < messages.length; i += BATCH) {
    await bus.publish(topic, messages.slice(i, i + BATCH));
  }
  return perSecond(messages.length, started);
}

/** The read store's parts alone, on cards folded from `events`, in an empty `store`. */
export async function documentRates(store: DocumentStore, events: readonly RecordedEvent[]) {
  const cards = foldBatch(events, new Map());
  const collection = store.collection<CustomerCard>('bench_put_many');
  let started = performance.now();
  for (let i = 0; i < cards.length; i += BATCH) await collection.putMany(cards.slice(i, i + BATCH));
  const putMany = perSecond(cards.length, started);
  // A sample, on the full collection: on FerretDB these cost seconds per call.
  const sample = cards.slice(0, SAMPLE);
  const updates = sample.map(({ doc, version }) => ({
    doc: { ...doc, interactions: doc.interactions + 1 },
    version: version + 1,
  }));
  started = performance.now();
  for (let i = 0; i < updates.length; i += BATCH) {
    await collection.putMany(updates.slice(i, i + BATCH));
  }
  const putManyUpdates = perSecond(updates.length, started);
  started = performance.now();
  for (let i = 0; i < sample.length; i += BATCH) {
    await collection.getManyVersioned(sample.slice(i, i + BATCH).map((card) => card.doc._id));
  }
  const getMany = perSecond(sample.length, started);
  const projection = customerCardProjection();
  const oneByOneEvents = events.slice(0, ONE_BY_ONE_EVENTS);
  started = performance.now();
  for (const event of oneByOneEvents) await projection.handle(event, store);
  const oneByOne = perSecond(oneByOneEvents.length, started);
  started = performance.now();
  for (let i = 1; i <= CHECKPOINTS; i++) await store.setCheckpoint('bench-checkpoint', i);
  return {
    putMany,
    putManyUpdates,
    getMany,
    oneByOne,
    checkpointMs: (performance.now() - started) / CHECKPOINTS,
  };
}

/**
 * Each part alone. `scratch` is an empty read store of the same engine (written here, then
 * dropped by the caller); `topic` a topic no one else uses.
 */
export async function measureComponents(options: {
  eventStore: EventStore;
  bus: EventBus;
  topic: string;
  scratch: DocumentStore;
  toMessage: (event: RecordedEvent) => OutgoingMessage;
}): Promise<ComponentRates> {
  const [events, logRead] = await readLog(
    options.eventStore,
    await options.eventStore.headPosition(),
  );
  const started = performance.now();
  const messages = events.map(options.toMessage);
  const toMessage = perSecond(events.length, started);
  const busPublish = await publishAll(options.bus, options.topic, messages);
  return { logRead, toMessage, busPublish, ...(await documentRates(options.scratch, events)) };
}
