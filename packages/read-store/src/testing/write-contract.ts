// Writes: the version guard that makes replays harmless, deletes, checkpoints, clear, indexes.
import { describe, expect, it } from 'vitest';
import type { Document } from '../document-store.ts';
import type { ContractContext } from './document-store-contract.ts';

interface Customer extends Document {
  name: string;
  email?: string;
  tags?: string[];
}

const codeOf = async (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: unknown }).code,
  );

export function describeWriteContract(context: ContractContext): void {
  describe('writes', () => {
    it('stores the whole document and returns it as it was put', async () => {
      const customers = context.collection<Document>('docs');
      const doc = {
        _id: 'c-1',
        name: '杭州云帆科技有限公司',
        revenue: 1234.5,
        active: true,
        note: null,
        tags: ['vip', 'north'],
        address: { province: '浙江省', city: '杭州市', lines: ['文三路 90 号'] },
      };
      expect(await customers.put(doc, 0)).toBe(true);
      expect(await customers.get('c-1')).toEqual(doc);
      expect(await customers.getVersioned('c-1')).toEqual({ doc, version: 0 });
      expect(await customers.get('missing')).toBeNull();
      expect(await customers.getVersioned('missing')).toBeNull();
      // A put replaces the document: fields it no longer has are gone.
      expect(await customers.put({ _id: 'c-1', name: 'renamed' }, 1)).toBe(true);
      expect(await customers.get('c-1')).toEqual({ _id: 'c-1', name: 'renamed' });
    });

    it('ignores a put whose version is not newer than the stored one', async () => {
      const customers = context.collection<Customer>('guard');
      expect(await customers.put({ _id: 'c-1', name: 'v5' }, 5)).toBe(true);
      expect(await customers.put({ _id: 'c-1', name: 'again v5' }, 5)).toBe(false);
      expect(await customers.put({ _id: 'c-1', name: 'v3' }, 3)).toBe(false);
      expect(await customers.getVersioned('c-1')).toEqual({
        doc: { _id: 'c-1', name: 'v5' },
        version: 5,
      });
      expect(await customers.put({ _id: 'c-1', name: 'v6' }, 6)).toBe(true);
      expect(await customers.getVersioned('c-1')).toEqual({
        doc: { _id: 'c-1', name: 'v6' },
        version: 6,
      });
    });

    it('deletes only with a newer version, and a replayed older put does not bring it back', async () => {
      const customers = context.collection<Customer>('deletes');
      await customers.put({ _id: 'c-1', name: 'first' }, 1);
      expect(await customers.delete('c-1', 1)).toBe(false);
      expect(await customers.get('c-1')).toEqual({ _id: 'c-1', name: 'first' });
      expect(await customers.delete('c-1', 2)).toBe(true);
      expect(await customers.get('c-1')).toBeNull();
      expect(await customers.getVersioned('c-1')).toBeNull();
      // A replay from an earlier checkpoint sends the old events again.
      expect(await customers.put({ _id: 'c-1', name: 'first' }, 1)).toBe(false);
      expect(await customers.put({ _id: 'c-1', name: 'same as delete' }, 2)).toBe(false);
      expect(await customers.delete('c-1', 2)).toBe(false);
      expect(await customers.get('c-1')).toBeNull();
      expect(await customers.count({})).toBe(0);
      expect((await customers.find({})).items).toEqual([]);
      // A newer version brings it back (e.g. a restored record).
      expect(await customers.put({ _id: 'c-1', name: 'restored' }, 3)).toBe(true);
      expect(await customers.getVersioned('c-1')).toEqual({
        doc: { _id: 'c-1', name: 'restored' },
        version: 3,
      });
      expect(await customers.delete('never-put', 1)).toBe(false);
      expect(await customers.count({})).toBe(1);
    });

    it('keeps checkpoints by name', async () => {
      const projection = context.uniqueName('projection');
      const store = context.store();
      expect(await store.getCheckpoint(projection)).toBeNull();
      await store.setCheckpoint(projection, 42);
      expect(await store.getCheckpoint(projection)).toBe(42);
      await store.setCheckpoint(projection, 0);
      expect(await store.getCheckpoint(projection)).toBe(0);
      expect(await store.getCheckpoint(context.uniqueName('other'))).toBeNull();
    });

    it('clears every document, deleted ones included, so a rebuild starts from nothing', async () => {
      const customers = context.collection<Customer>('clear');
      const untouched = context.collection<Customer>('untouched');
      await customers.put({ _id: 'c-1', name: 'one' }, 7);
      await customers.put({ _id: 'c-2', name: 'two' }, 7);
      await customers.delete('c-2', 8);
      await untouched.put({ _id: 'c-1', name: 'stays' }, 1);
      await customers.clear();
      expect(await customers.count({})).toBe(0);
      expect(await customers.get('c-1')).toBeNull();
      expect(await untouched.get('c-1')).toEqual({ _id: 'c-1', name: 'stays' });
      // The rebuild replays from the first event: low versions must be accepted again.
      expect(await customers.put({ _id: 'c-1', name: 'rebuilt' }, 1)).toBe(true);
      expect(await customers.put({ _id: 'c-2', name: 'rebuilt' }, 1)).toBe(true);
      expect(await customers.count({})).toBe(2);
    });

    it('enforces unique indexes with UNIQUE_VIOLATION, and ensureIndexes is idempotent', async () => {
      const customers = context.collection<Customer>('unique');
      const indexes = [
        { fields: ['email'], unique: true },
        { fields: ['-name', 'tags'] },
        { fields: ['address.province', 'name'] },
      ];
      await customers.ensureIndexes(indexes);
      await customers.ensureIndexes(indexes);
      await customers.put({ _id: 'c-1', name: 'A', email: 'a@example.cn' }, 1);
      await customers.put({ _id: 'c-2', name: 'B', email: 'b@example.cn' }, 1);
      expect(await codeOf(customers.put({ _id: 'c-3', name: 'C', email: 'a@example.cn' }, 1))).toBe(
        'UNIQUE_VIOLATION',
      );
      expect(await codeOf(customers.put({ _id: 'c-2', name: 'B', email: 'a@example.cn' }, 2))).toBe(
        'UNIQUE_VIOLATION',
      );
      expect(await customers.get('c-2')).toEqual({ _id: 'c-2', name: 'B', email: 'b@example.cn' });
      expect(await customers.get('c-3')).toBeNull();
      // A document may keep its own value; a deleted one frees it.
      expect(await customers.put({ _id: 'c-1', name: 'A2', email: 'a@example.cn' }, 2)).toBe(true);
      await customers.delete('c-1', 3);
      expect(await customers.put({ _id: 'c-3', name: 'C', email: 'a@example.cn' }, 1)).toBe(true);
    });

    it('refuses a unique index over values that are already duplicated', async () => {
      const customers = context.collection<Customer>('late_unique');
      await customers.put({ _id: 'c-1', name: 'same' }, 1);
      await customers.put({ _id: 'c-2', name: 'same' }, 1);
      expect(await codeOf(customers.ensureIndexes([{ fields: ['name'], unique: true }]))).toBe(
        'UNIQUE_VIOLATION',
      );
      expect(await customers.count({ name: 'same' })).toBe(2);
    });
  });
}
