// The multikey side table: equality on an indexed array field is an index lookup, and the table
// follows every write (put, replace, delete, clear), a backfill, and other connections' writes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQLInputValue } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection, Document, Filter } from '../document-store.ts';
import { sqliteCollection } from './sqlite-collection.ts';
import { openSqliteConnection, type SqliteConnection } from './sqlite-connection.ts';
import { openSqliteDocumentStore } from './sqlite-document-store.ts';

interface Query {
  sql: string;
  params: readonly SQLInputValue[];
}

let dir: string;
let path: string;
let db: SqliteConnection;
/** Every query the collection read with, to explain it afterwards. */
let queries: Query[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-store-multikey-'));
  path = join(dir, 'read-models.db');
  db = openSqliteConnection(path);
  queries = [];
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const recording = (connection: SqliteConnection): SqliteConnection => ({
  ...connection,
  get: (sql, params = []) => (queries.push({ sql, params }), connection.get(sql, params)),
  all: (sql, params = []) => (queries.push({ sql, params }), connection.all(sql, params)),
});
const open = (name = 'customers') => sqliteCollection<Document>(recording(db), name);
const ids = async (collection: Collection<Document>, filter: Filter) =>
  (await collection.find(filter, { limit: 1000 })).items.map((doc) => doc._id).sort();
const elementRows = (id: string) =>
  db
    .all('SELECT field, type, value FROM m_customers WHERE id = ? ORDER BY field, value', [id])
    .map((row) => ({ ...row }));
const customer = (n: number): Document => ({
  _id: `c-${n}`,
  phones: [`+86138${String(n).padStart(8, '0')}`, `+86139${String(n).padStart(8, '0')}`],
  tags: [`segment-${n % 3}`, 'regular'],
  status: 'active',
});

describe('multikey side table', () => {
  it('answers equality and $in on an indexed array field without scanning the collection', async () => {
    const customers = open();
    await customers.ensureIndexes([{ fields: ['phones'] }, { fields: ['tags'] }]);
    for (let n = 0; n < 300; n++) await customers.put(customer(n), 1);
    const filters: [Filter, string[]][] = [
      [{ phones: '+8613900000042' }, ['c-42']],
      [{ phones: { $eq: '+8613800000007' } }, ['c-7']],
      [{ phones: { $in: ['+8613800000001', '+8613900000002', 'nobody'] } }, ['c-1', 'c-2']],
    ];
    for (const [filter, expected] of filters) {
      queries = [];
      expect(await ids(customers, filter)).toEqual(expected);
      expect(await customers.count(filter)).toBe(expected.length);
      expect(queries).toHaveLength(2);
      for (const query of queries) {
        const plan = db
          .all(`EXPLAIN QUERY PLAN ${query.sql}`, query.params)
          .map((row) => String(row.detail));
        const context = `${JSON.stringify(filter)}\n${plan.join('\n')}`;
        expect(
          plan.filter((step) => step.startsWith('SCAN')),
          context,
        ).toEqual([]);
        // The json_type index finds every document whose field is an array: a scan by another name.
        expect(
          plan.filter((step) => step.includes('__type__')),
          context,
        ).toEqual([]);
        expect(plan.some((step) => step.includes('USING COVERING INDEX m_customers__lookup'))).toBe(
          true,
        );
      }
    }
  });

  it('follows puts, replacements, stale puts, deletes, tombstones and clear', async () => {
    const customers = open();
    await customers.ensureIndexes([{ fields: ['tags'] }]);
    await customers.put({ _id: 'a', tags: ['vip', 'north'] }, 1);
    expect(elementRows('a')).toEqual([
      { field: 'tags', type: 'text', value: 'north' },
      { field: 'tags', type: 'text', value: 'vip' },
    ]);
    expect(await customers.put({ _id: 'a', tags: ['south'] }, 2)).toBe(true);
    expect(await customers.put({ _id: 'a', tags: ['stale'] }, 1)).toBe(false);
    expect(elementRows('a')).toEqual([{ field: 'tags', type: 'text', value: 'south' }]);
    expect(await ids(customers, { tags: 'vip' })).toEqual([]);
    expect(await ids(customers, { tags: 'south' })).toEqual(['a']);
    // From array to scalar: the scalar is found through the expression index, not the side table.
    await customers.put({ _id: 'a', tags: 'south' }, 3);
    expect(elementRows('a')).toEqual([]);
    expect(await ids(customers, { tags: 'south' })).toEqual(['a']);
    await customers.put({ _id: 'a', tags: ['east'] }, 4);
    expect(await customers.delete('a', 5)).toBe(true);
    expect(elementRows('a')).toEqual([]);
    expect(await customers.put({ _id: 'a', tags: ['east'] }, 4)).toBe(false);
    expect(await ids(customers, { tags: 'east' })).toEqual([]);
    await customers.put({ _id: 'a', tags: ['back'] }, 6);
    await customers.put({ _id: 'b', tags: ['back'] }, 1);
    expect(await ids(customers, { tags: 'back' })).toEqual(['a', 'b']);
    await customers.clear();
    expect(db.get('SELECT count(*) AS n FROM m_customers')?.n).toBe(0);
    await customers.put({ _id: 'b', tags: ['rebuilt'] }, 1);
    expect(await ids(customers, { tags: 'rebuilt' })).toEqual(['b']);
  });

  it('keeps equality exact: types apart, null elements, nested containers never, duplicates once', async () => {
    const customers = open();
    await customers.ensureIndexes([{ fields: ['codes'] }, { fields: ['address.lines'] }]);
    await customers.put({ _id: 'text', codes: ['1', 'x', 'x'] }, 1);
    await customers.put({ _id: 'integer', codes: [1] }, 1);
    await customers.put({ _id: 'real', codes: [2.5, 1.0] }, 1);
    await customers.put({ _id: 'true', codes: [true] }, 1);
    await customers.put({ _id: 'false', codes: [false, 0] }, 1);
    await customers.put({ _id: 'null', codes: [null] }, 1);
    await customers.put({ _id: 'nested', codes: [['1'], { code: 1 }] }, 1);
    await customers.put({ _id: 'dotted', address: { lines: ['a', 'b'] }, codes: [] }, 1);
    const cases: [Filter, string[]][] = [
      [{ codes: '1' }, ['text']],
      [{ codes: 1 }, ['integer', 'real']],
      [{ codes: 2.5 }, ['real']],
      [{ codes: true }, ['true']],
      [{ codes: false }, ['false']],
      [{ codes: 0 }, ['false']],
      [{ codes: 'x' }, ['text']],
      [{ codes: null }, ['null']],
      [{ codes: { $in: ['1', true] } }, ['text', 'true']],
      [{ codes: { $ne: 1 } }, ['dotted', 'false', 'nested', 'null', 'text', 'true']],
      [{ 'address.lines': 'b' }, ['dotted']],
    ];
    for (const [filter, expected] of cases) {
      expect.soft(await ids(customers, filter), JSON.stringify(filter)).toEqual(expected);
      expect.soft(await customers.count(filter), JSON.stringify(filter)).toBe(expected.length);
    }
  });

  it('backfills documents stored before the index, once however often it is declared', async () => {
    const before = open();
    for (let n = 0; n < 50; n++) await before.put(customer(n), 1);
    await before.delete('c-3', 2);
    await before.ensureIndexes([{ fields: ['phones'] }, { fields: ['status'] }]);
    await before.ensureIndexes([{ fields: ['phones'] }]);
    expect(db.get('SELECT count(*) AS n FROM m_customers')?.n).toBe(98);
    // A reopened collection knows its multikey fields without declaring them again.
    const reopened = open();
    expect(await ids(reopened, { phones: '+8613800000012' })).toEqual(['c-12']);
    expect(await ids(reopened, { phones: '+8613800000003' })).toEqual([]);
    expect(queries.at(-1)?.sql).toContain('m_customers');
    await reopened.ensureIndexes([{ fields: ['phones'] }]);
    expect(db.get('SELECT count(*) AS n FROM m_customers')?.n).toBe(98);
  });

  it('follows the writes of another connection that never declared the index', async () => {
    const customers = open();
    await customers.ensureIndexes([{ fields: ['phones'] }]);
    const other = openSqliteDocumentStore({ path });
    try {
      const elsewhere = other.collection<Document>('customers');
      await elsewhere.put(customer(1), 1);
      await elsewhere.put(customer(2), 1);
      await elsewhere.put({ ...customer(2), phones: ['+8600000000000'] }, 2);
      expect(await ids(customers, { phones: '+8613800000001' })).toEqual(['c-1']);
      expect(await ids(customers, { phones: '+8613800000002' })).toEqual([]);
      expect(await ids(customers, { phones: '+8600000000000' })).toEqual(['c-2']);
      await elsewhere.delete('c-1', 2);
      expect(await ids(customers, { phones: '+8613800000001' })).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('answers correctly over a file from before the side table, then backfills it', async () => {
    // The layout an earlier version left: expression and json_type indexes, no multikey fields.
    db.exec(
      'CREATE TABLE c_customers (id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT) STRICT;' +
        `CREATE INDEX "c_customers__index__phones" ON c_customers (json_extract(body, '$.phones'), id);` +
        `CREATE INDEX "c_customers__type__phones" ON c_customers (json_type(body, '$.phones'));`,
    );
    for (let n = 0; n < 5; n++) {
      const doc = customer(n);
      db.run('INSERT INTO c_customers VALUES (?, 1, ?)', [doc._id, JSON.stringify(doc)]);
    }
    const customers = open();
    expect(await ids(customers, { phones: '+8613900000004' })).toEqual(['c-4']);
    expect(queries.at(-1)?.sql).not.toContain('m_customers');
    await customers.ensureIndexes([{ fields: ['phones'] }]);
    expect(await ids(customers, { phones: '+8613900000004' })).toEqual(['c-4']);
    expect(queries.at(-1)?.sql).toContain('m_customers');
  });
});
