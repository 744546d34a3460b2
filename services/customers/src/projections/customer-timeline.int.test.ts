import type { RecordedEvent } from '@crm/event-store';
import { openSqliteDocumentStore, type DocumentStore } from '@crm/read-store';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ids } from '../customer/fixtures.ts';
import { customerTimeline, TIMELINE, type TimelineEntry } from './customer-timeline.ts';
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
  await customerTimeline.setup?.(store);
  return store;
}

async function oneByOne(events: readonly RecordedEvent[], store?: DocumentStore) {
  const target = store ?? (await freshStore());
  for (const event of events) await customerTimeline.handle(event, target);
  return target;
}

async function inBatchesOf(size: number, events: readonly RecordedEvent[], store?: DocumentStore) {
  const target = store ?? (await freshStore());
  for (const batch of chunks(events, size)) await customerTimeline.handleBatch!(batch, target);
  return target;
}

const entries = (store: DocumentStore) => dump(store, [TIMELINE]);

let history: RecordedEvent[];
beforeAll(async () => {
  history = await record(scenario);
});

describe('customer timeline', () => {
  it('keeps one entry per fact and empties what came before an erasure, duplicates included', async () => {
    const store = await inBatchesOf(history.length, history);
    const timeline = store.collection<TimelineEntry>(TIMELINE);
    const erasure = history.find((event) => event.type === 'PersonalDataErased')!;

    expect(await timeline.count({})).toBe(history.length);
    const erased = await timeline.find({
      customerId: { $in: [erasedCustomer, absorbedDuplicate] },
    });
    expect(erased.items.map(({ type, data }) => ({ type, data }))).toEqual(
      erased.items.map((entry) => ({
        type: entry.type,
        data: entry.position < erasure.position ? {} : { reason: 'data_subject_request' },
      })),
    );
    expect(erased.items.filter((entry) => entry.position < erasure.position)).toHaveLength(6);
    expect(await timeline.getVersioned(erasure.id)).toMatchObject({ version: erasure.position });
    const kept = await timeline.find({ customerId: ids.customer, type: 'CustomerTagged' });
    expect(kept.items.map((entry) => entry.data)).toEqual([{ tags: ['华东区', '展会'] }]);
  });

  it('writes the same entries one by one as in one batch or in any split', async () => {
    const expected = await entries(await oneByOne(history));

    for (const size of [history.length, 2, 5, 15]) {
      expect(await entries(await inBatchesOf(size, history))).toEqual(expected);
    }
  });

  it('changes nothing when a batch is replayed, whole or in part', async () => {
    const store = await inBatchesOf(history.length, history);
    const expected = await entries(store);

    await inBatchesOf(history.length, history, store);
    await inBatchesOf(3, history.slice(2, 16), store);
    await oneByOne(history.slice(0, 12), store);
    expect(await entries(store)).toEqual(expected);
  });

  it('catches up from a crash: a batch overlapping what is already written', async () => {
    const expected = await entries(await oneByOne(history));
    const store = await oneByOne(history.slice(0, 13));

    await inBatchesOf(history.length, history.slice(8), store);
    expect(await entries(store)).toEqual(expected);
  });
});
