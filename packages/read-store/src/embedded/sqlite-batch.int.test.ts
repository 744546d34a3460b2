// What the embedded store adds to the batch contract: a batch is all or nothing, a read by many
// ids is primary-key lookups, and the figures of putMany next to put (printed, not asserted).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQLInputValue } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Document, DocumentStore } from '../document-store.ts';
import { liveVersions } from './sqlite-batch.ts';
import { openSqliteConnection, type SqliteConnection } from './sqlite-connection.ts';
import { openSqliteDocumentStore } from './sqlite-document-store.ts';

let dir: string;
let path: string;
let store: DocumentStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-store-batch-'));
  path = join(dir, 'read-models.db');
  store = openSqliteDocumentStore({ path });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const codeOf = async (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: unknown }).code,
  );

describe('putMany on SQLite', () => {
  it('writes nothing of a batch when one write breaks a unique index', async () => {
    const accounts = store.collection<Document>('accounts');
    await accounts.ensureIndexes([{ fields: ['email'], unique: true }, { fields: ['tags'] }]);
    await accounts.put({ _id: 'a-1', email: 'a@example.cn', tags: ['old'] }, 1);
    const clash = accounts.putMany([
      { doc: { _id: 'a-1', email: 'a@example.cn', tags: ['new'] }, version: 2 },
      { doc: { _id: 'a-2', email: 'b@example.cn', tags: ['new'] }, version: 1 },
      { doc: { _id: 'a-3', email: 'a@example.cn' }, version: 1 },
      { doc: { _id: 'a-4', email: 'd@example.cn' }, version: 1 },
    ]);
    expect(await codeOf(clash)).toBe('UNIQUE_VIOLATION');
    expect(await accounts.getVersioned('a-1')).toEqual({
      doc: { _id: 'a-1', email: 'a@example.cn', tags: ['old'] },
      version: 1,
    });
    expect(await accounts.count({})).toBe(1);
    // The multikey side table was rolled back with the documents.
    expect(await accounts.count({ tags: 'new' })).toBe(0);
    expect(await accounts.count({ tags: 'old' })).toBe(1);
    // The store is usable afterwards: no transaction left open.
    expect(
      await accounts.putMany([{ doc: { _id: 'a-2', email: 'b@example.cn' }, version: 1 }]),
    ).toBe(1);
  });

  it('reads many ids through the primary key, whatever their number', () => {
    const db = openSqliteConnection(path);
    const statements: { sql: string; params: readonly SQLInputValue[] }[] = [];
    const recording: SqliteConnection = {
      ...db,
      all: (sql, params = []) => (statements.push({ sql, params }), db.all(sql, params)),
    };
    try {
      store.collection<Document>('accounts');
      const ids = Array.from({ length: 5000 }, (_, n) => `a-${n}`);
      expect(liveVersions(recording, '"c_accounts"', ids).size).toBe(0);
      expect(statements).toHaveLength(1);
      const [read] = statements;
      if (!read) throw new Error('no statement');
      const plan = db
        .all(`EXPLAIN QUERY PLAN ${read.sql}`, read.params)
        .map((row) => String(row.detail));
      expect(plan.some((step) => /SEARCH c_accounts USING INDEX .*\(id=\?\)/.test(step))).toBe(
        true,
      );
      expect(plan.some((step) => step.startsWith('SCAN c_accounts'))).toBe(false);
    } finally {
      db.close();
    }
  });
});

describe('putMany throughput on SQLite (printed)', () => {
  const total = 5000;
  const batch = 500;
  const customer = (n: number): Document => ({
    _id: `c-${String(n).padStart(6, '0')}`,
    name: `客户 ${n}`,
    tier: n % 3 === 0 ? 'gold' : 'silver',
    tags: ['imported', `batch-${n % 10}`],
  });
  const rate = (started: number) => Math.round(total / ((performance.now() - started) / 1000));

  it(`puts ${total} small documents one at a time and in batches of ${batch}`, async () => {
    const single = store.collection<Document>('single');
    const batched = store.collection<Document>('batched');
    for (const collection of [single, batched])
      await collection.ensureIndexes([{ fields: ['tags'] }]);
    let started = performance.now();
    let written = 0;
    for (let n = 0; n < total; n++) if (await single.put(customer(n), 1)) written++;
    const putRate = rate(started);
    expect(written).toBe(total);

    const pass = async (version: number) => {
      const begun = performance.now();
      let count = 0;
      for (let from = 0; from < total; from += batch) {
        const writes = Array.from({ length: batch }, (_, k) => ({
          doc: customer(from + k),
          version,
        }));
        count += await batched.putMany(writes);
      }
      return { count, rate: rate(begun) };
    };
    const fresh = await pass(1);
    const updated = await pass(2);
    const replayed = await pass(2);
    started = performance.now();
    const ids = Array.from({ length: total }, (_, n) => customer(n)._id);
    const read = await batched.getManyVersioned(ids);
    const readRate = rate(started);
    console.log(
      `SQLite, ${total} docs: put() one at a time ${putRate}/s; putMany by ${batch}: ` +
        `new ${fresh.rate}/s, updates ${updated.rate}/s, replayed ${replayed.rate}/s; ` +
        `getManyVersioned ${readRate} ids/s`,
    );
    expect([fresh.count, updated.count, replayed.count]).toEqual([total, total, 0]);
    expect(read.size).toBe(total);
    expect(await batched.count({ tags: 'batch-3' })).toBe(total / 10);
  });
});
