// Read models `customer_details` (the whole record) and `customer_list` (what search shows), both
// written from one fold of the customer's events and guarded by the stream revision, so a replayed
// event writes nothing. Batches fold each customer's events once and write each collection once.
// Queries: by id, search with cursor pagination, counts by any list field.
import type { RecordedEvent } from '@crm/event-store';
import type { Projection } from '@crm/event-processing';
import type { DocumentStore, Versioned } from '@crm/read-store';
import type { CustomerEvent } from '../customer/customer.ts';
import { CUSTOMER_CATEGORY } from '../streams.ts';
import {
  evolveCustomerView,
  toListItem,
  type CustomerListItem,
  type CustomerView,
} from './customer-view.ts';

export const DETAILS = 'customer_details';
export const LIST = 'customer_list';

export const customerDirectory: Projection = {
  name: 'customer-directory',
  version: 1,
  categories: [CUSTOMER_CATEGORY],
  collections: [DETAILS, LIST],
  setup: async (store) => {
    await store
      .collection(LIST)
      .ensureIndexes([
        { fields: ['status', '-createdAt'] },
        { fields: ['phones'] },
        { fields: ['emails'] },
        { fields: ['tags'] },
        { fields: ['ownerId'] },
        { fields: ['industry'] },
        { fields: ['province', 'city'] },
        { fields: ['lifecycleStage'] },
        { fields: ['name'] },
      ]);
  },
  handle: (event, store) => writeDirectory([event], store),
  handleBatch: (events, store) => writeDirectory(events, store),
};

/** One read of the stored views, one fold per customer, one write per collection. */
async function writeDirectory(events: readonly RecordedEvent[], store: DocumentStore) {
  const details = store.collection<CustomerView>(DETAILS);
  const byCustomer = Map.groupBy(events, customerIdOf);
  // A fold that starts at revision 0 is complete whatever is stored, and the write's guard keeps a
  // newer stored view: so new customers cost no read (on FerretDB a read by id scans the table).
  const toRead = [...byCustomer].flatMap(([id, [first]]) => (first!.revision > 0 ? [id] : []));
  const stored =
    toRead.length > 0 ? await details.getManyVersioned(toRead) : new Map<string, never>();
  const writes: { doc: CustomerView; version: number }[] = [];
  for (const [id, customerEvents] of byCustomer) {
    const folded = customerEvents.reduce(fold, stored.get(id) ?? null);
    if (folded && folded.version !== stored.get(id)?.version) writes.push(folded);
  }
  if (writes.length === 0) return;
  // The list first: details are what the guard above reads, so a crash in between rewrites both.
  await store
    .collection<CustomerListItem>(LIST)
    .putMany(writes.map(({ doc, version }) => ({ doc: toListItem(doc), version })));
  await details.putMany(writes);
}

/** Events the stored view already reflects (by stream revision) are skipped: replays change nothing. */
function fold(current: Versioned<CustomerView> | null, event: RecordedEvent) {
  if (current && current.version >= event.revision) return current;
  const view = evolveCustomerView(current?.doc ?? null, event as unknown as CustomerEvent, {
    recordedAt: event.recordedAt,
    revision: event.revision,
    actor: event.metadata.actor,
  });
  return view === null ? current : { doc: view, version: event.revision };
}

const customerIdOf = (event: RecordedEvent): string =>
  (event.data as { customerId: string }).customerId;
