// Read models `customer_details` (the whole record) and `customer_list` (what search shows), both
// written from one fold of the customer's events and guarded by the stream revision, so a replayed
// event writes nothing. Queries: by id, search with cursor pagination, counts by any list field.
import type { RecordedEvent } from '@crm/event-store';
import type { Projection } from '@crm/event-processing';
import type { DocumentStore } from '@crm/read-store';
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
  handle: async (event: RecordedEvent, store: DocumentStore) => {
    const details = store.collection<CustomerView>(DETAILS);
    const current = await details.getVersioned(customerIdOf(event));
    if (current && current.version >= event.revision) return;
    const view = evolveCustomerView(current?.doc ?? null, event as unknown as CustomerEvent, {
      recordedAt: event.recordedAt,
      revision: event.revision,
      actor: event.metadata.actor,
    });
    if (view === null) return;
    await details.put(view, event.revision);
    await store.collection<CustomerListItem>(LIST).put(toListItem(view), event.revision);
  },
};

const customerIdOf = (event: RecordedEvent): string =>
  (event.data as { customerId: string }).customerId;
