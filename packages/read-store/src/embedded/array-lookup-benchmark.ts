// Prints what an equality lookup on an array field and a put cost at 20k customers. Run from the
// package folder: `node src/embedded/array-lookup-benchmark.ts [path/to/sqlite-document-store.ts]`
// (the optional module lets the same run measure another version of the adapter).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document, DocumentStore } from '../document-store.ts';
import type { SqliteDocumentStoreOptions } from './sqlite-document-store.ts';

type Open = (options: SqliteDocumentStoreOptions) => DocumentStore;

const documents = 20_000;
const lookups = 1_000;
const indexes = [
  { fields: ['status', '-createdAt'] },
  { fields: ['phones'] },
  { fields: ['emails'] },
  { fields: ['tags'] },
  { fields: ['name'] },
];

const phone = (n: number, k: number) => `+86138${String(n * 2 + k).padStart(8, '0')}`;
const customer = (n: number): Document => ({
  _id: `c-${String(n).padStart(6, '0')}`,
  name: `Customer ${n}`,
  status: n % 10 ? 'active' : 'archived',
  createdAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
  phones: [phone(n, 0), phone(n, 1)],
  emails: [`c${n}@example.cn`],
  tags: [`region-${n % 7}`, `segment-${n % 13}`, n % 50 ? 'regular' : 'VIP'],
});

async function measure(open: Open, indexFirst: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'array-lookup-'));
  const store = open({ path: join(dir, 'read-models.db') });
  const customers = store.collection<Document>('customers');
  try {
    if (indexFirst) await customers.ensureIndexes(indexes);
    let started = performance.now();
    for (let n = 0; n < documents; n++) await customers.put(customer(n), 1);
    const putMs = performance.now() - started;
    started = performance.now();
    if (!indexFirst) await customers.ensureIndexes(indexes);
    const ensureMs = performance.now() - started;
    const lookup = async (filter: (n: number) => Document | object) => {
      const begin = performance.now();
      for (let i = 0; i < lookups; i++) {
        const n = (i * 7919) % documents;
        const page = await customers.find(filter(n) as never);
        if (page.items.length !== 1) throw new Error(`expected one match for ${n}`);
      }
      return (performance.now() - begin) / lookups;
    };
    return {
      putsPerSecond: Math.round(documents / (putMs / 1000)),
      ensureIndexesMs: Math.round(ensureMs),
      phoneLookupMs: await lookup((n) => ({ phones: phone(n, 1) })),
      phoneInLookupMs: await lookup((n) => ({ phones: { $in: [phone(n, 0), 'nobody'] } })),
      emailEqMs: await lookup((n) => ({ emails: { $eq: `c${n}@example.cn` } })),
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const modulePath = resolve(process.argv[2] ?? 'src/embedded/sqlite-document-store.ts');
const loaded = (await import(pathToFileURL(modulePath).href)) as { openSqliteDocumentStore: Open };
const round = (value: number) => Math.round(value * 1000) / 1000;
for (const indexFirst of [true, false]) {
  const result = await measure(loaded.openSqliteDocumentStore, indexFirst);
  const label = indexFirst
    ? 'indexes declared before the puts'
    : 'indexes declared after (backfill)';
  console.log(label, modulePath);
  console.log(
    Object.fromEntries(Object.entries(result).map(([key, value]) => [key, round(value)])),
  );
}
