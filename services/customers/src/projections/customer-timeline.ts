// Read model `customer_timeline`: one entry per fact in a customer's history, interactions
// included, in the order it happened. The log is the history; this is its index for reading.
// Entries are written once (guarded by the global position) and redacted on personal-data erasure.
import type { RecordedEvent } from '@crm/event-store';
import type { Projection } from '@crm/event-processing';
import type { Collection, Document, DocumentStore } from '@crm/read-store';
import type { CustomerEvent } from '../customer/customer.ts';
import { CUSTOMER_CATEGORY } from '../streams.ts';

export const TIMELINE = 'customer_timeline';

export interface TimelineEntry extends Document {
  /** The event id. */
  _id: string;
  customerId: string;
  /** The domain fact, e.g. InteractionLogged. */
  type: string;
  /** When it happened: the interaction's time for interactions, else when it was recorded. */
  occurredAt: string;
  recordedAt: string;
  actor: string;
  revision: number;
  position: number;
  /** The fact's data (personal data removed once erased). */
  data: Record<string, unknown>;
}

export const customerTimeline: Projection = {
  name: 'customer-timeline',
  version: 1,
  categories: [CUSTOMER_CATEGORY],
  collections: [TIMELINE],
  setup: async (store) => {
    await store.collection(TIMELINE).ensureIndexes([{ fields: ['customerId', 'occurredAt'] }]);
  },
  handle: (event, store) => writeTimeline([event], store),
  handleBatch: (events, store) => writeTimeline(events, store),
};

/** One write for the batch's entries, then each erasure in order, as if one by one. */
async function writeTimeline(events: readonly RecordedEvent[], store: DocumentStore) {
  const timeline = store.collection<TimelineEntry>(TIMELINE);
  await timeline.putMany(events.map((event) => ({ doc: toEntry(event), version: event.position })));
  for (const event of events) {
    if (event.type !== 'PersonalDataErased') continue;
    await redact(timeline, customerIdOf(event), event.position);
  }
}

function toEntry(recorded: RecordedEvent): TimelineEntry {
  const event = recorded as unknown as CustomerEvent;
  const { customerId, ...data } = event.data as { customerId: string } & Record<string, unknown>;
  return {
    _id: recorded.id,
    customerId,
    type: recorded.type,
    occurredAt: event.type === 'InteractionLogged' ? event.data.occurredAt : recorded.recordedAt,
    recordedAt: recorded.recordedAt,
    actor: recorded.metadata.actor,
    revision: recorded.revision,
    position: recorded.position,
    data,
  };
}

const customerIdOf = (event: RecordedEvent): string =>
  (event.data as { customerId: string }).customerId;

/** Empties the data of every entry before the erasure, the absorbed duplicates' included. */
async function redact(
  timeline: Collection<TimelineEntry>,
  customerId: string,
  position: number,
): Promise<void> {
  // The survivor's timeline shows its absorbed duplicates' history: same person, same erasure.
  // Only what was absorbed before the erasure, whether or not later entries are already written.
  const absorbed = await timeline.find(
    { customerId, type: 'DuplicateAbsorbed', position: { $lt: position } },
    { limit: 1000 },
  );
  const ids = [customerId, ...absorbed.items.map((entry) => String(entry.data.duplicateId))];
  let cursor: string | undefined;
  do {
    const page = await timeline.find(
      { customerId: { $in: ids }, position: { $lt: position } },
      { limit: 500, ...(cursor ? { cursor } : {}) },
    );
    const redacted = page.items.map((entry) => ({
      doc: { ...entry, data: {} },
      version: position,
    }));
    if (redacted.length > 0) await timeline.putMany(redacted);
    cursor = page.nextCursor;
  } while (cursor);
}
