// Opening fails at once, with the client's own error, when no server answers; runs without one.
import { UnavailableError } from '@eventstore/db-client';
import { expect, it } from 'vitest';
import { openEventStoreDbEventStore } from './eventstoredb-event-store.ts';

it('rejects with UnavailableError when nothing listens at the address', async () => {
  // Port 1 on loopback: only root could listen there, and nothing does on a test machine.
  const opening = openEventStoreDbEventStore({ connectionString: 'esdb://127.0.0.1:1?tls=false' });
  await expect(opening).rejects.toBeInstanceOf(UnavailableError);
  await expect(opening).rejects.toMatchObject({ type: 'unavailable' });
});

it('rejects a category prefix that would change the category', async () => {
  const opening = openEventStoreDbEventStore({
    connectionString: 'esdb://127.0.0.1:1?tls=false',
    categoryPrefix: 'crm-',
  });
  await expect(opening).rejects.toBeInstanceOf(TypeError);
});
