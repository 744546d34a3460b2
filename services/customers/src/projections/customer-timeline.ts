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
  handle: async (recorded: RecordedEvent, store: DocumentStore) => {
    const event = recorded as unknown as CustomerEvent & RecordedEvent;
    const timeline = store.collection<TimelineEntry>(TIMELINE);
    const { customerId, ...data } = event.data as { customerId: string } & Record<string, unknown>;
    await timeline.put(
      {
        _id: recorded.id,
        customerId,
        type: recorded.type,
        occurredAt:
          event.type === 'InteractionLogged' ? event.data.occurredAt : recorded.recordedAt,
        recordedAt: recorded.recordedAt,
        actor: recorded.metadata.actor,
        revision: recorded.revision,
        position: recorded.position,
        data,
      },
      recorded.position,
    );
    if (event.type === 'PersonalDataErased') await redact(timeline, customerId, recorded.position);
  },
};

async function redact(
  timeline: Collection<TimelineEntry>,
  customerId: string,
  position: number,
): Promise<void> {
  // The survivor's timeline shows its absorbed duplicates' history: same person, same erasure.
  const absorbed = await timeline.find({ customerId, type: 'DuplicateAbsorbed' }, { limit: 1000 });
  const ids = [customerId, ...absorbed.items.map((entry) => String(entry.data.duplicateId))];
  let cursor: string | undefined;
  do {
    const page = await timeline.find(
      { customerId: { $in: ids } },
      { limit: 500, ...(cursor ? { cursor } : {}) },
    );
    for (const entry of page.items) {
      if (entry.position < position) await timeline.put({ ...entry, data: {} }, position);
    }
    cursor = page.nextCursor;
  } while (cursor);
}
