import type { RecordedEvent } from '@crm/event-store';
import {
  openSqliteDocumentStore,
  type Collection,
  type Document,
  type DocumentStore,
} from '@crm/read-store';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ids } from '../customer/fixtures.ts';
import { customerDirectory, DETAILS, LIST } from './customer-directory.ts';
import { toListItem, type CustomerView } from './customer-view.ts';
import {
  absorbedDuplicate,
  chunks,
  dump,
  erasedCustomer,
  record,
  scenario,
} from './projection-fixtures.ts';

const stores: DocumentStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function freshStore(): Promise<DocumentStore> {
  const store = openSqliteDocumentStore({ path: ':memory:' });
  stores.push(store);
  await customerDirectory.setup?.(store);
  return store;
}

async function oneByOne(events: readonly RecordedEvent[], store?: DocumentStore) {
  const target = store ?? (await freshStore());
  for (const event of events) await customerDirectory.handle(event, target);
  return target;
}

async function inBatchesOf(size: number, events: readonly RecordedEvent[], store?: DocumentStore) {
  const target = store ?? (await freshStore());
  for (const batch of chunks(events, size)) await customerDirectory.handleBatch!(batch, target);
  return target;
}

const documents = (store: DocumentStore) => dump(store, [DETAILS, LIST]);

let history: RecordedEvent[];
beforeAll(async () => {
  history = await record(scenario);
});

describe('customer directory', () => {
  it('folds the history into each customer, with the last revision as version', async () => {
    const store = await inBatchesOf(history.length, history);
    const details = store.collection<CustomerView>(DETAILS);

    expect(await details.getVersioned(ids.customer)).toMatchObject({
      version: 8,
      doc: {
        status: 'active',
        phones: ['+862112345678'],
        tags: ['VIP', '华东区'],
        classification: { lifecycleStage: 'prospect', valueTier: 'A' },
        ownerId: ids.manager,
        interactionCount: 2,
        revision: 8,
      },
    });
    expect(await details.getVersioned(erasedCustomer)).toMatchObject({
      version: 3,
      doc: {
        status: 'erased',
        profile: {},
        phones: [],
        interactionCount: 2,
        absorbedDuplicateIds: [absorbedDuplicate],
      },
    });
    expect(await details.get(absorbedDuplicate)).toMatchObject({
      status: 'merged',
      mergedInto: erasedCustomer,
    });
    const view = (await details.get(ids.customer))!;
    expect(await store.collection(LIST).getVersioned(ids.customer)).toEqual({
      doc: toListItem(view),
      version: 8,
    });
  });

  it('writes the same documents one by one as in one batch or in any split', async () => {
    const expected = await documents(await oneByOne(history));
    expect((expected[DETAILS] ?? []).length).toBe(4);

    for (const size of [history.length, 2, 3, 7]) {
      expect(await documents(await inBatchesOf(size, history))).toEqual(expected);
    }
  });

  it('changes nothing when a batch is replayed, whole or in part', async () => {
    const store = await inBatchesOf(history.length, history);
    const expected = await documents(store);

    await inBatchesOf(history.length, history, store);
    await inBatchesOf(4, history.slice(3, 15), store);
    await oneByOne(history.slice(0, 5), store);
    expect(await documents(store)).toEqual(expected);
  });

  it('catches up from a crash: a batch overlapping what is already written', async () => {
    const expected = await documents(await oneByOne(history));
    const store = await oneByOne(history.slice(0, 11));

    await inBatchesOf(history.length, history.slice(6), store);
    expect(await documents(store)).toEqual(expected);
  });

  it('reads the stored views at most once and writes each collection once per batch', async () => {
    const store = await freshStore();
    const calls: string[] = [];
    const counted = <T extends Document>(name: string): Collection<T> => {
      const collection = store.collection<T>(name);
      const count = (method: string) => calls.push(`${name}.${method}`);
      return {
        ...collection,
        getVersioned: (id) => (count('getVersioned'), collection.getVersioned(id)),
        getManyVersioned: (keys) => (count('getManyVersioned'), collection.getManyVersioned(keys)),
        put: (doc, version) => (count('put'), collection.put(doc, version)),
        putMany: (writes) => (count('putMany'), collection.putMany(writes)),
      };
    };
    const counting: DocumentStore = { ...store, collection: counted };

    // From each customer's first event: nothing stored can be needed, so nothing is read.
    await customerDirectory.handleBatch!(history, counting);
    expect(calls.splice(0).sort()).toEqual([`${DETAILS}.putMany`, `${LIST}.putMany`]);

    // Later events of customers stored already: one read of their views.
    await store.collection(DETAILS).clear();
    await store.collection(LIST).clear();
    await oneByOne(
      history.filter((event) => event.revision === 0),
      store,
    );
    await customerDirectory.handleBatch!(
      history.filter((event) => event.revision > 0),
      counting,
    );
    expect(calls.sort()).toEqual([
      `${DETAILS}.getManyVersioned`,
      `${DETAILS}.putMany`,
      `${LIST}.putMany`,
    ]);
  });
});
