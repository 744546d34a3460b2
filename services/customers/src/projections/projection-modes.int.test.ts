import { openSqliteEventStore, type EventStore } from '@crm/event-store';
import { openSqliteDocumentStore, type DocumentStore } from '@crm/read-store';
import { afterEach, describe, expect, it } from 'vitest';
import { DETAILS, LIST } from './customer-directory.ts';
import { TIMELINE } from './customer-timeline.ts';
import { appendAll, bulkHistory, dump, scenario } from './projection-fixtures.ts';
import { customersProjector, projectAll, type ProjectionMode } from './projection-modes.ts';

// Last opened, first closed: projectors stop before the stores they read and write.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function projected(mode: ProjectionMode, events: EventStore): Promise<DocumentStore> {
  const documents = openSqliteDocumentStore({ path: ':memory:' });
  cleanups.push(() => documents.close());
  const projector = customersProjector(mode, events, documents);
  cleanups.push(() => projector.stop());
  await projectAll(projector, events);
  return documents;
}

describe('customers projections through the projector', () => {
  it('build the same read models one by one and in batches', async () => {
    const events = openSqliteEventStore({ path: ':memory:' });
    cleanups.push(() => events.close());
    await appendAll(events, [...bulkHistory(400), ...scenario, ...bulkHistory(300, 400)]);

    const collections = [DETAILS, LIST, TIMELINE];
    const oneByOne = await dump(await projected('one by one', events), collections);
    const batched = await dump(await projected('batched', events), collections);
    expect(oneByOne[DETAILS]).toHaveLength(704);
    expect(batched).toEqual(oneByOne);
  });
});
