// How long the customers projections take to project a log of registrations and updates into the
// embedded read store, one event at a time and in batches. Prints; asserts nothing.
// `node services/customers/src/projections/projection-benchmark.ts [customers=7000]`
import { openSqliteEventStore } from '@crm/event-store';
import { openSqliteDocumentStore } from '@crm/read-store';
import { appendAll, bulkHistory } from './projection-fixtures.ts';
import { customersProjector, projectAll, type ProjectionMode } from './projection-modes.ts';

const customers = Number(process.argv[2] ?? 7000);
const events = openSqliteEventStore({ path: ':memory:' });
await appendAll(events, bulkHistory(customers));
const count = await events.headPosition();
console.log(`${count} events (${customers} customers: register + 2 updates each), 2 projections`);

for (const mode of ['one by one', 'batched'] as const satisfies readonly ProjectionMode[]) {
  const documents = openSqliteDocumentStore({ path: ':memory:' });
  const projector = customersProjector(mode, events, documents);
  const ms = await projectAll(projector, events);
  await projector.stop();
  await documents.close();
  const rate = Math.round((count / ms) * 1000);
  console.log(`${mode.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${rate} events/s`);
}
await events.close();
