// Prints put() throughput on the real server, one at a time and 16 in flight. A figure to read,
// not a timed assertion: the assertions are that every put landed.
import type { Collection, Document, DocumentStore } from '@crm/read-store';
import { realServers } from '@crm/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mongoFixture } from './testing/mongo-fixture.ts';
import type { DocumentStoreFixture } from '@crm/read-store/testing';

const documents = 300;

const customer = (n: number): Document => ({
  _id: `c-${String(n).padStart(6, '0')}`,
  name: `客户 ${n}`,
  tier: n % 3 === 0 ? 'gold' : 'silver',
  tags: ['imported', `batch-${n % 10}`],
  address: { province: '浙江省', city: '杭州市' },
});

async function putAll(
  collection: Collection<Document>,
  inFlight: number,
): Promise<{ rate: number; written: number }> {
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < documents) {
      const n = next++;
      if (await collection.put(customer(n), 1)) written++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { rate: documents / seconds, written };
}

describe('put() throughput', () => {
  let fixture: DocumentStoreFixture;
  let store: DocumentStore;
  beforeAll(async () => {
    await realServers();
    fixture = await mongoFixture('read_store_bench');
    store = fixture.store;
  }, 300_000);
  afterAll(() => fixture.cleanup());

  for (const inFlight of [1, 16]) {
    it(`writes ${documents} new documents with ${inFlight} in flight`, async () => {
      const collection = store.collection<Document>(`throughput_${inFlight}`);
      const first = await putAll(collection, inFlight);
      // Replayed: the version guard refuses every put.
      const replay = await putAll(collection, inFlight);
      console.log(
        `put(): ${first.rate.toFixed(0)} docs/s new, ${replay.rate.toFixed(0)} docs/s replayed ` +
          `(${inFlight} in flight, ${documents} documents)`,
      );
      expect(first.written).toBe(documents);
      expect(replay.written).toBe(0);
      expect(await collection.count({ tier: 'gold' })).toBe(Math.ceil(documents / 3));
    }, 120_000);
  }
});
