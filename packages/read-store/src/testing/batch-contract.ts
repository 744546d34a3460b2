// Batches: putMany is put for each write (same version guard, same tombstones) and
// getManyVersioned is getVersioned for each id, whatever the adapter does to make them fast.
import { describe, expect, it } from 'vitest';
import type { Collection, Document } from '../document-store.ts';
import type { ContractContext } from './document-store-contract.ts';

interface Account extends Document {
  name: string;
  tier?: string;
  email?: string;
  tags?: string[];
}

const account = (id: string, name: string, extra: Partial<Account> = {}): Account => ({
  _id: id,
  name,
  ...extra,
});

const codeOf = async (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: unknown }).code,
  );

const versionsOf = async (collection: Collection<Account>, ids: readonly string[]) =>
  Object.fromEntries(
    [...(await collection.getManyVersioned(ids))].map(([id, { version }]) => [id, version]),
  );

export function describeBatchContract(context: ContractContext): void {
  describe('batches', () => {
    it('putMany writes new documents and answers how many it wrote', async () => {
      const accounts = context.collection<Account>('batch_new');
      const written = await accounts.putMany([
        { doc: account('a-1', 'one', { tier: 'gold' }), version: 3 },
        { doc: account('a-2', 'two'), version: 1 },
        { doc: account('a-3', '杭州三号'), version: 7 },
      ]);
      expect(written).toBe(3);
      expect(await accounts.getVersioned('a-1')).toEqual({
        doc: account('a-1', 'one', { tier: 'gold' }),
        version: 3,
      });
      expect(await accounts.getVersioned('a-3')).toEqual({
        doc: account('a-3', '杭州三号'),
        version: 7,
      });
      expect(await accounts.count({})).toBe(3);
      expect(await accounts.putMany([])).toBe(0);
    });

    it('writes only the writes newer than what is stored, and a replayed batch writes nothing', async () => {
      const accounts = context.collection<Account>('batch_guard');
      await accounts.put(account('a-1', 'v5'), 5);
      await accounts.put(account('a-2', 'v5'), 5);
      await accounts.put(account('a-3', 'v5'), 5);
      const batch = [
        { doc: account('a-1', 'stale v3'), version: 3 },
        { doc: account('a-2', 'same v5'), version: 5 },
        { doc: account('a-3', 'fresh v6'), version: 6 },
        { doc: account('a-4', 'new v1'), version: 1 },
      ];
      expect(await accounts.putMany(batch)).toBe(2);
      expect(await versionsOf(accounts, ['a-1', 'a-2', 'a-3', 'a-4'])).toEqual({
        'a-1': 5,
        'a-2': 5,
        'a-3': 6,
        'a-4': 1,
      });
      expect(await accounts.get('a-1')).toEqual(account('a-1', 'v5'));
      expect(await accounts.get('a-2')).toEqual(account('a-2', 'v5'));
      expect(await accounts.get('a-3')).toEqual(account('a-3', 'fresh v6'));
      // A replay from an earlier checkpoint sends the same batch again.
      expect(await accounts.putMany(batch)).toBe(0);
      expect(await accounts.get('a-3')).toEqual(account('a-3', 'fresh v6'));
      expect(await accounts.count({})).toBe(4);
    });

    it('does not bring back a deleted document with an older or equal version', async () => {
      const accounts = context.collection<Account>('batch_tombstone');
      await accounts.put(account('a-1', 'first'), 1);
      await accounts.put(account('a-2', 'first'), 1);
      await accounts.delete('a-1', 4);
      await accounts.delete('a-2', 4);
      await accounts.delete('never-put', 2);
      const written = await accounts.putMany([
        { doc: account('a-1', 'replayed v1'), version: 1 },
        { doc: account('a-2', 'same as delete'), version: 4 },
        { doc: account('never-put', 'older than its delete'), version: 2 },
        { doc: account('a-3', 'new'), version: 1 },
      ]);
      expect(written).toBe(1);
      expect(await accounts.get('a-1')).toBeNull();
      expect(await accounts.get('a-2')).toBeNull();
      expect(await accounts.get('never-put')).toBeNull();
      expect(await accounts.count({})).toBe(1);
      // A newer version brings them back.
      const restored = await accounts.putMany([
        { doc: account('a-1', 'restored'), version: 5 },
        { doc: account('never-put', 'now put'), version: 3 },
      ]);
      expect(restored).toBe(2);
      expect(await versionsOf(accounts, ['a-1', 'a-2', 'never-put'])).toEqual({
        'a-1': 5,
        'never-put': 3,
      });
    });

    it('leaves what it wrote visible to find, count, countBy and array-field lookups', async () => {
      const accounts = context.collection<Account>('batch_visible');
      await accounts.ensureIndexes([{ fields: ['tags'] }, { fields: ['tier', 'name'] }]);
      await accounts.put(account('a-1', 'Anna', { tier: 'gold', tags: ['vip', 'north'] }), 1);
      const written = await accounts.putMany([
        // Replaces a-1: its old array elements must stop matching.
        { doc: account('a-1', 'Anna', { tier: 'silver', tags: ['south'] }), version: 2 },
        { doc: account('a-2', 'Bo', { tier: 'gold', tags: ['vip', 'south'] }), version: 1 },
        { doc: account('a-3', 'Cai', { tier: 'gold', tags: ['north'] }), version: 1 },
        { doc: account('a-4', 'Du'), version: 1 },
      ]);
      expect(written).toBe(4);
      const ids = async (filter: Parameters<Collection<Account>['find']>[0]) =>
        (await accounts.find(filter)).items.map((doc) => doc._id);
      expect(await ids({ tags: 'vip' })).toEqual(['a-2']);
      expect(await ids({ tags: 'north' })).toEqual(['a-3']);
      expect(await ids({ tags: { $in: ['south', 'missing'] } })).toEqual(['a-1', 'a-2']);
      expect(await ids({ tier: 'gold', name: { $gte: 'C' } })).toEqual(['a-3']);
      expect(await accounts.count({ tier: 'gold' })).toBe(2);
      expect(await accounts.count({ tags: { $exists: false } })).toBe(1);
      expect(sorted(await accounts.countBy('tags', {}))).toEqual(
        sorted([
          { value: null, count: 1 },
          { value: 'north', count: 1 },
          { value: 'south', count: 2 },
          { value: 'vip', count: 1 },
        ]),
      );
      const page = await accounts.find({}, { sort: { field: 'name', direction: 'desc' } });
      expect(page.items.map((doc) => doc.name)).toEqual(['Du', 'Cai', 'Bo', 'Anna']);
    });

    it('writes 1,000 documents in one call and reads them back in one call', async () => {
      const accounts = context.collection<Account>('batch_large');
      await accounts.ensureIndexes([{ fields: ['tags'] }]);
      const writes = Array.from({ length: 1000 }, (_, n) => ({
        doc: account(`a-${String(n).padStart(4, '0')}`, `account ${n}`, {
          tier: n % 4 === 0 ? 'gold' : 'silver',
          tags: [`group-${n % 10}`, 'imported'],
        }),
        version: n + 1,
      }));
      expect(await accounts.putMany(writes)).toBe(1000);
      expect(await accounts.count({})).toBe(1000);
      expect(await accounts.count({ tier: 'gold' })).toBe(250);
      expect(await accounts.count({ tags: 'group-3' })).toBe(100);
      const ids = [...writes.map(({ doc }) => doc._id), 'missing-1', 'missing-2'];
      const found = await accounts.getManyVersioned(ids);
      expect(found.size).toBe(1000);
      expect(found.get('a-0999')).toEqual(writes[999]);
      expect(found.has('missing-1')).toBe(false);
      // Every write is stale now.
      expect(await accounts.putMany(writes)).toBe(0);
    });

    it('getManyVersioned answers live documents with their versions, leaving out missing and deleted ids', async () => {
      const accounts = context.collection<Account>('batch_read');
      await accounts.put(account('a-1', 'one', { tags: ['x'] }), 3);
      await accounts.put(account('a-2', 'two'), 9);
      await accounts.put(account('a-3', 'gone'), 1);
      await accounts.delete('a-3', 2);
      const found = await accounts.getManyVersioned(['a-2', 'a-1', 'a-3', 'missing', 'a-1']);
      expect([...found.keys()].sort()).toEqual(['a-1', 'a-2']);
      expect(found.get('a-1')).toEqual({ doc: account('a-1', 'one', { tags: ['x'] }), version: 3 });
      expect(found.get('a-2')).toEqual({ doc: account('a-2', 'two'), version: 9 });
      expect((await accounts.getManyVersioned([])).size).toBe(0);
      expect(
        (await context.collection<Account>('batch_empty').getManyVersioned(['a-1'])).size,
      ).toBe(0);
    });

    it('refuses a batch that names an id twice or carries a bad version, and writes none of it', async () => {
      const accounts = context.collection<Account>('batch_invalid');
      const twice = accounts.putMany([
        { doc: account('a-1', 'first'), version: 1 },
        { doc: account('a-2', 'other'), version: 1 },
        { doc: account('a-1', 'second'), version: 2 },
      ]);
      expect(await codeOf(twice)).toBe('INVALID_QUERY');
      const badVersion = accounts.putMany([
        { doc: account('a-1', 'first'), version: 1 },
        { doc: account('a-2', 'other'), version: 1.5 },
      ]);
      expect(await codeOf(badVersion)).toBe('INVALID_QUERY');
      const noId = accounts.putMany([
        { doc: account('a-1', 'first'), version: 1 },
        { doc: account('', 'no id'), version: 1 },
      ]);
      expect(await codeOf(noId)).toBe('INVALID_QUERY');
      expect(await accounts.count({})).toBe(0);
    });

    it('rejects a write that breaks a unique index with UNIQUE_VIOLATION and does not write it', async () => {
      const accounts = context.collection<Account>('batch_unique');
      await accounts.ensureIndexes([{ fields: ['email'], unique: true }]);
      await accounts.put(account('a-1', 'one', { email: 'a@example.cn' }), 1);
      const clash = accounts.putMany([
        { doc: account('a-2', 'two', { email: 'b@example.cn' }), version: 1 },
        { doc: account('a-3', 'three', { email: 'a@example.cn' }), version: 1 },
      ]);
      expect(await codeOf(clash)).toBe('UNIQUE_VIOLATION');
      expect(await accounts.get('a-3')).toBeNull();
      expect(await accounts.get('a-1')).toEqual(account('a-1', 'one', { email: 'a@example.cn' }));
      // Two writes of one batch that clash with each other.
      const together = accounts.putMany([
        { doc: account('a-4', 'four', { email: 'c@example.cn' }), version: 1 },
        { doc: account('a-5', 'five', { email: 'c@example.cn' }), version: 1 },
      ]);
      expect(await codeOf(together)).toBe('UNIQUE_VIOLATION');
      expect(await accounts.count({ email: 'c@example.cn' })).toBeLessThanOrEqual(1);
    });
  });
}

function sorted(counts: { value: unknown; count: number }[]) {
  return [...counts].sort((a, b) => String(a.value).localeCompare(String(b.value)));
}
