// The shared EventStore contract, against a real PostgreSQL: one schema for the whole file, a
// store per test, and `reopen` as a process restart on the same schema.
import { describeEventStoreContract } from '@crm/event-store/testing';
import { afterAll, beforeAll } from 'vitest';
import { SERVERS_TIMEOUT_MS, testSchema, type TestSchema } from './fixtures/test-schema.ts';
import { openPostgresEventStore } from './postgres-event-store.ts';

let database: TestSchema;
beforeAll(async () => {
  database = await testSchema('contract');
}, SERVERS_TIMEOUT_MS);
afterAll(() => database.drop());

describeEventStoreContract('PostgreSQL', async () => {
  const open = () =>
    openPostgresEventStore({
      connectionString: database.connectionString,
      schema: database.schema,
    });
  let store = await open();
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await open();
      return store;
    },
    cleanup: () => store.close(),
  };
});
