// Durability: after a reopen the store answers exactly as before, guards and indexes included.
import { describe, expect, it } from 'vitest';
import type { Document, DocumentStore } from '../document-store.ts';
import type { ContractContext } from './document-store-contract.ts';
import { people } from './sample-people.ts';

export function describeReopenContract(context: ContractContext): void {
  describe('reopen', () => {
    it('returns exactly what it returned before the reopen', async () => {
      const name = context.uniqueName('durable');
      const checkpoint = context.uniqueName('checkpoint');
      const before = context.store();
      const collection = before.collection<Document>(name);
      await collection.ensureIndexes([{ fields: ['email'], unique: true }, { fields: ['age'] }]);
      for (const [index, person] of people.entries()) await collection.put(person, index + 10);
      await collection.delete('p2', 20);
      await before.setCheckpoint(checkpoint, 20);

      const snapshot = async (store: DocumentStore) => {
        const reopened = store.collection<Document>(name);
        return {
          all: await reopened.find({}, { sort: { field: 'age', direction: 'desc' } }),
          filtered: await reopened.find({ tags: 'north', age: { $exists: true } }),
          count: await reopened.count({ active: true }),
          countBy: await reopened.countBy('address.province', {}),
          versioned: await Promise.all(people.map((person) => reopened.getVersioned(person._id))),
          checkpoint: await store.getCheckpoint(checkpoint),
        };
      };
      const expected = await snapshot(before);
      expect(expected.versioned[0]).toEqual({ doc: people[0], version: 10 });
      expect(expected.versioned[1]).toBeNull();

      const after = await context.reopen();
      expect(await snapshot(after)).toEqual(expected);
      const reopened = after.collection<Document>(name);
      // The version guard and the tombstone survive, and so does the unique index.
      expect(await reopened.put({ _id: 'p1', name: 'stale' }, 10)).toBe(false);
      expect(await reopened.put({ _id: 'p2', name: 'resurrected?' }, 19)).toBe(false);
      await expect(reopened.put({ _id: 'p9', email: 'zm@example.cn' }, 1)).rejects.toMatchObject({
        code: 'UNIQUE_VIOLATION',
      });
      expect(await reopened.count({})).toBe(4);
    });
  });
}
