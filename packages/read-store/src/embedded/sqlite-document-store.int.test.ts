import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentStore } from '../document-store.ts';
import { describeDocumentStoreContract } from '../testing/index.ts';
import { openSqliteDocumentStore } from './sqlite-document-store.ts';

describeDocumentStoreContract('embedded SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'read-store-'));
  const path = join(dir, 'read-models.db');
  let store: DocumentStore = openSqliteDocumentStore({ path });
  return {
    store,
    reopen: async () => {
      await store.close();
      store = openSqliteDocumentStore({ path });
      return store;
    },
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
