// Keyset pagination: following nextCursor visits every matching document exactly once, in order.
import { describe, expect, it } from 'vitest';
import type { Collection, Document, FindOptions, Filter } from '../document-store.ts';
import type { ContractContext } from './document-store-contract.ts';

interface Row extends Document {
  n: number;
  group?: number;
}

async function allPages(
  collection: Collection<Row>,
  filter: Filter,
  options: FindOptions,
): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await collection.find(filter, cursor ? { ...options, cursor } : options);
    ids.push(...page.items.map((item) => item._id));
    sizes.push(page.items.length);
    cursor = page.nextCursor;
  } while (cursor && sizes.length < 100);
  return { ids, sizes };
}

const rowId = (n: number) => `r${String(n).padStart(4, '0')}`;

export function describePaginationContract(context: ContractContext): void {
  const loadRows = async (count: number): Promise<Collection<Row>> => {
    const collection = context.collection<Row>('rows');
    for (let n = 0; n < count; n++) {
      // Seven groups give many ties; every tenth row has no group at all.
      const row: Row = n % 10 === 3 ? { _id: rowId(n), n } : { _id: rowId(n), n, group: n % 7 };
      await collection.put(row, 1);
    }
    return collection;
  };
  const expectedOrder = (count: number, direction: 'asc' | 'desc', keep = (_n: number) => true) => {
    const rows = Array.from({ length: count }, (_, n) => n).filter(keep);
    const group = (n: number) => (n % 10 === 3 ? -1 : n % 7);
    const sorted = rows.sort((a, b) => group(a) - group(b) || a - b).map(rowId);
    return direction === 'asc' ? sorted : sorted.reverse();
  };

  describe('pagination', () => {
    for (const direction of ['asc', 'desc'] as const) {
      it(`pages through 125 documents by a tied field (${direction}), each exactly once`, async () => {
        const collection = await loadRows(125);
        const options: FindOptions = { sort: { field: 'group', direction }, limit: 50 };
        const { ids, sizes } = await allPages(collection, {}, options);
        expect(sizes).toEqual([50, 50, 25]);
        expect(new Set(ids).size).toBe(125);
        expect(ids).toEqual(expectedOrder(125, direction));
        // Small pages put boundaries among the rows that lack the field as well.
        const small = await allPages(collection, {}, { ...options, limit: 6 });
        expect(small.ids).toEqual(expectedOrder(125, direction));
      });
    }

    it('pages by _id and under a filter, with a page size that does not divide the total', async () => {
      const collection = await loadRows(125);
      const byId = await allPages(collection, {}, { limit: 40 });
      expect(byId.ids).toEqual(expectedOrder(125, 'asc').sort());
      const filtered = await allPages(
        collection,
        { n: { $gte: 20 }, group: { $in: [1, 2, 3] } },
        { sort: { field: 'n', direction: 'desc' }, limit: 7 },
      );
      const expected = Array.from({ length: 125 }, (_, n) => n)
        .filter((n) => n >= 20 && n % 10 !== 3 && [1, 2, 3].includes(n % 7))
        .reverse()
        .map(rowId);
      expect(filtered.ids).toEqual(expected);
    });

    it('defaults to 50 a page, caps at 1000, and says when there may be more', async () => {
      const collection = await loadRows(1005);
      const first = await collection.find({});
      expect(first.items).toHaveLength(50);
      expect(first.nextCursor).toEqual(expect.any(String));
      const capped = await collection.find({}, { limit: 5000 });
      expect(capped.items).toHaveLength(1000);
      expect(capped.nextCursor).toEqual(expect.any(String));
      const last = await collection.find(
        {},
        { limit: 1000, ...(capped.nextCursor ? { cursor: capped.nextCursor } : {}) },
      );
      expect(last.items.map((item) => item._id)).toEqual([1000, 1001, 1002, 1003, 1004].map(rowId));
      expect(last.nextCursor).toBeUndefined();
    });

    it('rejects a cursor that is garbage or belongs to another sort with INVALID_QUERY', async () => {
      const collection = await loadRows(10);
      await expect(collection.find({}, { cursor: 'not-a-cursor' })).rejects.toMatchObject({
        code: 'INVALID_QUERY',
      });
      const page = await collection.find({}, { sort: { field: 'n', direction: 'asc' }, limit: 3 });
      expect(page.nextCursor).toEqual(expect.any(String));
      const otherSort = collection.find(
        {},
        { sort: { field: 'n', direction: 'desc' }, limit: 3, cursor: page.nextCursor ?? '' },
      );
      await expect(otherSort).rejects.toMatchObject({ code: 'INVALID_QUERY' });
      await expect(collection.find({}, { limit: 0 })).rejects.toMatchObject({
        code: 'INVALID_QUERY',
      });
    });
  });
}
