// Prints putMany throughput on the real server next to put() one at a time. Figures to read,
// not timed assertions: the assertions are that every write landed, or none on a replay.
import type { Collection, Document, DocumentStore } from '@crm/read-store';
import type { DocumentStoreFixture } from '@crm/read-store/testing';
import { realServers } from '@crm/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mongoFixture } from './testing/mongo-fixture.ts';

// Small enough for the test run; the bench measures at scale.
const total = 1000;
const batch = 500;

const customer = (n: number): Document => ({
  _id: `c-${String(n).padStart(6, '0')}`,
  name: `客户 ${n}`,
  tier: n % 3 === 0 ? 'gold' : 'silver',
  tags: ['imported', `batch-${n % 10}`],
});

const perSecond = (started: number) => Math.round(total / ((performance.now() - started) / 1000));

async function inBatches(collection: Collection<Document>, version: number) {
  const started = performance.now();
  let written = 0;
  for (let from = 0; from < total; from += batch) {
    const writes = Array.from({ length: batch }, (_, k) => ({ doc: customer(from + k), version }));
    written += await collection.putMany(writes);
  }
  return { written, rate: perSecond(started) };
}

describe('putMany() throughput', () => {
  let fixture: DocumentStoreFixture;
  let store: DocumentStore;
  beforeAll(async () => {
    await realServers();
    fixture = await mongoFixture('read_store_batch_bench');
    store = fixture.store;
  }, 300_000);
  afterAll(() => fixture.cleanup());

  it(`puts ${total} small documents one at a time and in batches of ${batch}`, async () => {
    const single = store.collection<Document>('single');
    let started = performance.now();
    let written = 0;
    for (let n = 0; n < total; n++) if (await single.put(customer(n), 1)) written++;
    const putRate = perSecond(started);
    expect(written).toBe(total);

    const batched = store.collection<Document>('batched');
    const fresh = await inBatches(batched, 1);
    const updated = await inBatches(batched, 2);
    const replayed = await inBatches(batched, 2);
    started = performance.now();
    const read = await batched.getManyVersioned(
      Array.from({ length: total }, (_, n) => customer(n)._id),
    );
    const readRate = perSecond(started);
    console.log(
      `MongoDB protocol, ${total} docs: put() one at a time ${putRate}/s; putMany by ${batch}: ` +
        `new ${fresh.rate}/s, updates ${updated.rate}/s, replayed ${replayed.rate}/s; ` +
        `getManyVersioned ${readRate} ids/s`,
    );
    expect([fresh.written, updated.written, replayed.written]).toEqual([total, total, 0]);
    expect(read.size).toBe(total);
    expect(await batched.count({ tags: 'batch-3' })).toBe(total / 10);
  }, 300_000);
});
