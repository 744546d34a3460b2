// Queries: every filter operator (with and without indexes), sort with ties, count and countBy.
import { describe, expect, it } from 'vitest';
import type { Collection, Document, Filter, Scalar } from '../document-store.ts';
import type { ContractContext } from './document-store-contract.ts';
import { filterCases, people, peopleIndexes } from './sample-people.ts';

const ids = (docs: readonly Document[]): string[] => docs.map((doc) => doc._id);

const sortedCounts = (counts: { value: Scalar; count: number }[]) =>
  [...counts].sort((a, b) => JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)));

export function describeQueryContract(context: ContractContext): void {
  const loadPeople = async (indexed: boolean): Promise<Collection<Document>> => {
    const collection = context.collection<Document>('people');
    if (indexed) await collection.ensureIndexes(peopleIndexes);
    for (const person of people) await collection.put(person, 1);
    return collection;
  };

  describe('queries', () => {
    for (const indexed of [false, true]) {
      it(`answers every filter ${indexed ? 'with' : 'without'} indexes`, async () => {
        const collection = await loadPeople(indexed);
        for (const [description, filter, expected] of filterCases) {
          const found = ids((await collection.find(filter, { limit: 100 })).items).sort();
          expect.soft(found, description).toEqual(expected);
          expect
            .soft(await collection.count(filter), `count: ${description}`)
            .toBe(expected.length);
        }
      });
    }

    it('rejects bad field names, unknown operators and bad operands with INVALID_QUERY', async () => {
      const collection = await loadPeople(false);
      const bad: unknown[] = [
        { 'name; DROP TABLE x': 1 },
        { "a')": 1 },
        { 'a..b': 1 },
        { $where: 'true' },
        { name: { $regex: '.*' } },
        { name: { $in: 'not a list' } },
        { name: { $gt: true } },
        { name: { $contains: 5 } },
        { name: { $exists: 'yes' } },
        { name: { nested: 'object' } },
        { $or: { name: 'x' } },
      ];
      for (const filter of bad) {
        const outcome = await collection.find(filter as Filter).then(
          () => 'resolved',
          (error: unknown) => (error as { code?: unknown }).code,
        );
        expect.soft(outcome, JSON.stringify(filter)).toBe('INVALID_QUERY');
      }
      const badSort = collection.find({}, { sort: { field: 'x y', direction: 'asc' } });
      await expect(badSort).rejects.toMatchObject({ code: 'INVALID_QUERY' });
      await expect(collection.countBy('a b', {})).rejects.toMatchObject({ code: 'INVALID_QUERY' });
    });

    it('sorts by one field in both directions, ties by _id, missing values first ascending', async () => {
      const collection = await loadPeople(false);
      const byAge = async (direction: 'asc' | 'desc') =>
        ids((await collection.find({}, { sort: { field: 'age', direction } })).items);
      expect(await byAge('asc')).toEqual(['p5', 'p2', 'p1', 'p4', 'p3']);
      expect(await byAge('desc')).toEqual(['p3', 'p4', 'p1', 'p2', 'p5']);
      const byJoined = await collection.find(
        { active: true },
        { sort: { field: 'joinedAt', direction: 'desc' } },
      );
      expect(ids(byJoined.items)).toEqual(['p4', 'p1', 'p3', 'p5']);
      const byProvince = await collection.find(
        { 'address.province': { $exists: true } },
        { sort: { field: 'address.province', direction: 'asc' } },
      );
      expect(ids(byProvince.items)).toEqual(['p2', 'p4', 'p1', 'p3']);
      const byIdDesc = await collection.find({}, { sort: { field: '_id', direction: 'desc' } });
      expect(ids(byIdDesc.items)).toEqual(['p5', 'p4', 'p3', 'p2', 'p1']);
      expect(ids((await collection.find({})).items)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    });

    it('counts by a field: each array element, null for missing, null and empty', async () => {
      const collection = await loadPeople(true);
      expect(sortedCounts(await collection.countBy('tags', {}))).toEqual(
        sortedCounts([
          { value: 'vip', count: 1 },
          { value: 'VIP', count: 1 },
          { value: 'north', count: 2 },
          { value: 'new', count: 1 },
          { value: 'south', count: 1 },
          { value: null, count: 1 },
        ]),
      );
      expect(sortedCounts(await collection.countBy('address.province', {}))).toEqual(
        sortedCounts([
          { value: 'Zhejiang', count: 2 },
          { value: 'Guangdong', count: 2 },
          { value: null, count: 1 },
        ]),
      );
      expect(sortedCounts(await collection.countBy('rank', { active: true }))).toEqual(
        sortedCounts([
          { value: '1', count: 1 },
          { value: 1, count: 1 },
          { value: null, count: 2 },
        ]),
      );
      expect(sortedCounts(await collection.countBy('active', {}))).toEqual(
        sortedCounts([
          { value: true, count: 4 },
          { value: false, count: 1 },
        ]),
      );
      expect(sortedCounts(await collection.countBy('email', { age: { $gte: 30 } }))).toEqual(
        sortedCounts([
          { value: 'zm@example.cn', count: 1 },
          { value: null, count: 2 },
        ]),
      );
      expect(await collection.countBy('age', { name: 'nobody' })).toEqual([]);
    });

    it('leaves deleted documents out of find, count and countBy', async () => {
      const collection = await loadPeople(false);
      await collection.delete('p1', 2);
      expect(ids((await collection.find({ tags: 'north' })).items)).toEqual(['p5']);
      expect(await collection.count({})).toBe(4);
      const provinces = await collection.countBy('address.province', {});
      expect(provinces.find((entry) => entry.value === 'Zhejiang')?.count).toBe(1);
    });
  });
}
