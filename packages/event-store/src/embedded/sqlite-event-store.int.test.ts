// The embedded adapter passes the shared contract on a real file (with reopen) and in memory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../testing/index.ts';
import { openSqliteEventStore } from './sqlite-event-store.ts';

describeEventStoreContract('embedded SQLite file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'event-store-'));
  const path = join(dir, 'events.db');
  let store = openSqliteEventStore({ path });
  return {
    store,
    reopen: async () => {
      await store.close();
      store = openSqliteEventStore({ path });
      return store;
    },
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeEventStoreContract('embedded SQLite in memory', () => {
  const store = openSqliteEventStore({ path: ':memory:' });
  return Promise.resolve({ store, cleanup: () => store.close() });
});
