// The event store contract on a real EventStoreDB/KurrentDB. No server can run on the project's
// machines (no Docker engine, no packages), so the suite runs only when EVENTSTORE_URL points at one
// or a Docker engine runs it (src/eventstore-setup.ts), and is otherwise reported as skipped, with
// the reason: the only skip the project allows.
import { describe } from 'vitest';
import { describeEventStoreContract } from '@crm/event-store/testing';
import { openEventStoreDbEventStore } from './eventstoredb-event-store.ts';

const connectionString = process.env.EVENTSTORE_URL;
const SKIPPED =
  'EventStoreDB suite skipped: no EVENTSTORE_URL and no Docker engine on this machine';

if (!connectionString) console.warn(SKIPPED);

// A server may be remote (TLS, a cluster): room for the contract's own 5 s waits to fail alone.
describe.skipIf(!connectionString)(
  connectionString ? 'EventStoreDB' : SKIPPED,
  { timeout: 15_000 },
  () => {
    describeEventStoreContract('EventStoreDB', async () => {
      // Tests use their own random categories, so runs can share the server without a prefix.
      const open = () => openEventStoreDbEventStore({ connectionString: connectionString! });
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
  },
);
