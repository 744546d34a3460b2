// Recorded customer histories for the projection tests and the throughput benchmark: appended to a
// real (embedded) event store, so revisions, positions and recording times are the store's own.
import { randomUUID } from 'node:crypto';
import { openSqliteEventStore, type EventStore, type RecordedEvent } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import type { CustomerEvent } from '../customer/customer.ts';
import {
  aRegisteredCompany,
  aRegisteredCustomer,
  anInteractionLogged,
  ids,
} from '../customer/fixtures.ts';
import { CUSTOMER_CATEGORY, customerStreamId } from '../streams.ts';

const duplicate = 'cus-3003';
const other = 'cus-4004';

/**
 * Four customers, interleaved: a person with updates and interactions; a company that absorbs a
 * duplicate (which had interactions of its own) and is then erased; one archived and restored.
 */
export const scenario: readonly CustomerEvent[] = [
  aRegisteredCustomer(),
  aRegisteredCompany({ customerId: ids.survivor }),
  aRegisteredCustomer({ customerId: duplicate, phones: ['+8613900001111'], tags: ['老客户'] }),
  { type: 'ProfileUpdated', data: { customerId: ids.customer, changes: { industry: 'finance' } } },
  anInteractionLogged({ customerId: duplicate, interactionId: 'int-1' }),
  {
    type: 'ContactsChanged',
    data: { customerId: ids.customer, phones: ['+862112345678'], emails: [] },
  },
  anInteractionLogged(),
  aRegisteredCustomer({ customerId: other, ownerId: null }),
  { type: 'CustomerTagged', data: { customerId: ids.customer, tags: ['华东区', '展会'] } },
  anInteractionLogged({ customerId: ids.survivor, interactionId: 'int-2' }),
  { type: 'MergedInto', data: { customerId: duplicate, mergedInto: ids.survivor } },
  {
    type: 'DuplicateAbsorbed',
    data: {
      customerId: ids.survivor,
      duplicateId: duplicate,
      phonesAdded: ['+8613900001111'],
      emailsAdded: [],
      tagsAdded: ['老客户'],
      interactionCount: 1,
    },
  },
  { type: 'CustomerArchived', data: { customerId: other, reason: '暂停合作' } },
  { type: 'CustomerUntagged', data: { customerId: ids.customer, tags: ['展会'] } },
  { type: 'CustomerClassified', data: { customerId: ids.customer, changes: { valueTier: 'A' } } },
  {
    type: 'PersonalDataErased',
    data: { customerId: ids.survivor, reason: 'data_subject_request' },
  },
  {
    type: 'OwnerAssigned',
    data: { customerId: ids.customer, ownerId: ids.manager, previousOwnerId: ids.salesRep },
  },
  anInteractionLogged({ interactionId: 'int-3', occurredAt: '2026-03-01T08:00:00.000Z' }),
  { type: 'CustomerRestored', data: { customerId: other } },
];

export const erasedCustomer = ids.survivor;
export const absorbedDuplicate = duplicate;

/** Appends these events (each to its customer's stream) to a fresh store; answers them recorded. */
export async function record(events: readonly CustomerEvent[]): Promise<RecordedEvent[]> {
  const store = openSqliteEventStore({ path: ':memory:' });
  try {
    await appendAll(store, events);
    return await store.readAll({ filter: { categories: [CUSTOMER_CATEGORY] } });
  } finally {
    await store.close();
  }
}

export async function appendAll(
  store: EventStore,
  events: readonly CustomerEvent[],
): Promise<void> {
  for (const event of events) {
    await store.append(customerStreamId(event.data.customerId), [toAppend(event)], {
      expectedRevision: 'any',
    });
  }
}

/** `count` registrations, then two rounds of updates: 3 events per customer, as imports and edits. */
export function bulkHistory(count: number, from = 0): CustomerEvent[] {
  const customerIds = Array.from({ length: count }, (_, i) => `cus-b${from + i}`);
  return [
    ...customerIds.map((customerId, i) =>
      aRegisteredCustomer({ customerId, phones: [`+86138${String(from + i).padStart(8, '0')}`] }),
    ),
    ...customerIds.map((customerId): CustomerEvent => ({
      type: 'CustomerTagged',
      data: { customerId, tags: ['导入'] },
    })),
    ...customerIds.map((customerId): CustomerEvent => ({
      type: 'CustomerClassified',
      data: { customerId, changes: { lifecycleStage: 'customer' } },
    })),
  ];
}

const toAppend = (event: CustomerEvent) => ({
  id: randomUUID(),
  type: event.type,
  data: event.data,
  metadata: { correlationId: 'c-1', causationId: 'c-1', actor: ids.salesRep },
});

/** Every document of these collections with its version, in id order. */
export async function dump(
  store: DocumentStore,
  collections: readonly string[],
): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const name of collections) {
    const collection = store.collection(name);
    const rows: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await collection.find({}, { limit: 1000, ...(cursor ? { cursor } : {}) });
      const versioned = await collection.getManyVersioned(page.items.map((doc) => doc._id));
      rows.push(...page.items.map((doc) => versioned.get(doc._id)));
      cursor = page.nextCursor;
    } while (cursor);
    result[name] = rows;
  }
  return result;
}

/** Consecutive slices of `size` (the last one shorter). */
export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, i * size + size),
  );
