// What the MongoDB adapter adds to the batch contract: no transactions, so a unique clash
// rejects the batch after its other writes are made; and many writes to stored documents in
// one call, the case FerretDB 1.24 deadlocks on when they are sent as one update command.
import type { Document, DocumentStore } from '@crm/read-store';
import type { DocumentStoreFixture } from '@crm/read-store/testing';
import { realServers } from '@crm/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mongoFixture } from './testing/mongo-fixture.ts';

const codeOf = async (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: unknown }).code,
  );

describe('putMany on MongoDB/FerretDB', () => {
  let fixture: DocumentStoreFixture;
  let store: DocumentStore;
  beforeAll(async () => {
    await realServers();
    fixture = await mongoFixture('read_store_batch');
    store = fixture.store;
  }, 300_000);
  afterAll(() => fixture.cleanup());

  it('makes the other writes of a batch that breaks a unique index, then rejects it', async () => {
    const accounts = store.collection<Document>('unique_batch');
    await accounts.ensureIndexes([{ fields: ['email'], unique: true }]);
    await accounts.put({ _id: 'a-1', email: 'a@example.cn' }, 1);
    const clash = accounts.putMany([
      { doc: { _id: 'a-1', email: 'a@example.cn', name: 'kept its own' }, version: 2 },
      { doc: { _id: 'a-2', email: 'a@example.cn' }, version: 1 },
      { doc: { _id: 'a-3', email: 'c@example.cn' }, version: 1 },
    ]);
    expect(await codeOf(clash)).toBe('UNIQUE_VIOLATION');
    expect(await accounts.get('a-2')).toBeNull();
    const written = await accounts.getManyVersioned(['a-1', 'a-3']);
    expect(Object.fromEntries([...written].map(([id, { version }]) => [id, version]))).toEqual({
      'a-1': 2,
      'a-3': 1,
    });
    // Replaying the batch after the clash is gone writes only what is still missing.
    await accounts.delete('a-1', 3);
    expect(
      await accounts.putMany([
        { doc: { _id: 'a-2', email: 'a@example.cn' }, version: 1 },
        { doc: { _id: 'a-3', email: 'c@example.cn' }, version: 1 },
      ]),
    ).toBe(1);
  });

  it('replaces 300 stored documents in one call, stale and fresh mixed', async () => {
    const accounts = store.collection<Document>('many_updates');
    const ids = Array.from({ length: 300 }, (_, n) => `a-${n}`);
    const first = ids.map((id) => ({ doc: { _id: id, round: 1 }, version: 2 }));
    expect(await accounts.putMany(first)).toBe(300);
    // Every third write is older than what is stored.
    const second = ids.map((id, n) => ({
      doc: { _id: id, round: 2 },
      version: n % 3 === 0 ? 1 : 3,
    }));
    expect(await accounts.putMany(second)).toBe(200);
    expect(await accounts.count({ round: 2 })).toBe(200);
    const versions = await accounts.getManyVersioned(ids);
    expect(versions.get('a-0')).toEqual({ doc: { _id: 'a-0', round: 1 }, version: 2 });
    expect(versions.get('a-1')).toEqual({ doc: { _id: 'a-1', round: 2 }, version: 3 });
  }, 60_000);
});
