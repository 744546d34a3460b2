// The customers feed on the embedded bus and document store (SQLite, in memory).
import { openSqliteEventBus } from '@crm/event-bus';
import { openSqliteDocumentStore } from '@crm/read-store';
import { describeCustomersFeed } from './feed-suite.ts';

describeCustomersFeed('embedded', {
  timeoutMs: 30_000,
  open: () => {
    const bus = openSqliteEventBus({ path: ':memory:' });
    const documentStore = openSqliteDocumentStore({ path: ':memory:' });
    return Promise.resolve({
      bus,
      documentStore,
      patienceMs: 15_000,
      close: async () => {
        await bus.close();
        await documentStore.close();
      },
    });
  },
});
