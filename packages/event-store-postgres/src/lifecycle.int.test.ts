// Opening, waking and closing: concurrent migrations, subscriptions woken by another store's
// commit (LISTEN/NOTIFY), a lost listener connection, and what close() finishes and refuses.
import type { RecordedEvent } from '@crm/event-store';
import { Client } from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newEvent, newEvents, streamIn } from './fixtures/events.ts';
import { SERVERS_TIMEOUT_MS, testSchema, type TestSchema } from './fixtures/test-schema.ts';
import { openPostgresEventStore } from './postgres-event-store.ts';

let database: TestSchema;
beforeAll(async () => {
  database = await testSchema('lifecycle');
}, SERVERS_TIMEOUT_MS);
afterAll(() => database.drop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(5);
  }
}

it(
  'eight stores opening a new schema at once all migrate it, and again is a no-op',
  { timeout: 30_000 },
  async () => {
    const fresh = { ...database, schema: `${database.schema}_fresh` };
    const stores = await Promise.all(
      Array.from({ length: 8 }, () => openPostgresEventStore(fresh)),
    );
    try {
      await stores[0]!.migrate();
      const results = await Promise.all(
        stores.map((store) =>
          store.append(streamIn('open'), [newEvent()], { expectedRevision: 'no_stream' }),
        ),
      );
      expect(results.map(({ position }) => position).sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      await testSchemaDrop(fresh.schema);
    }
  },
);

async function testSchemaDrop(schema: string): Promise<void> {
  await withClient((client) => client.query(`DROP SCHEMA "${schema}" CASCADE`));
}

async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: database.connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

it(
  "wakes a subscription on another store's commit through NOTIFY, then after losing it",
  { timeout: 30_000 },
  async () => {
    const writer = await openPostgresEventStore(database);
    // No poll: only the NOTIFY can wake it, until the listener connection is lost.
    const reader = await openPostgresEventStore({ ...database, pollIntervalMs: 0 });
    const polling = await openPostgresEventStore({ ...database, pollIntervalMs: 100 });
    try {
      const start = await writer.headPosition();
      const follow = (store: typeof reader) => {
        const received: RecordedEvent[] = [];
        const caughtUp: number[] = [];
        const subscription = store.subscribeToAll({
          after: start,
          onEvent: (event) => Promise.resolve(void received.push(event)),
          onCaughtUp: (position) => caughtUp.push(position),
        });
        return { received, caughtUp, subscription };
      };
      const [notified, polled] = [follow(reader), follow(polling)];
      await waitFor(
        'both caught up',
        () => notified.caughtUp.length > 0 && polled.caughtUp.length > 0,
      );
      await sleep(200); // the LISTEN connections are up

      await writer.append(streamIn('wake'), newEvents(2), { expectedRevision: 'no_stream' });
      await waitFor(
        'notified',
        () => notified.received.length === 2 && polled.received.length === 2,
      );

      const channel = `LISTEN "${database.schema}_appended"`;
      const killed = await withClient((client) =>
        client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1', [
          channel,
        ]),
      );
      expect(killed.rowCount).toBe(2); // one listener per store with a subscription
      await writer.append(streamIn('wake'), [newEvent()], { expectedRevision: 'no_stream' });
      await waitFor('polled after the listener was lost', () => polled.received.length === 3);
      await Promise.all([notified.subscription.stop(), polled.subscription.stop()]);
    } finally {
      await Promise.all([writer.close(), reader.close(), polling.close()]);
    }
  },
);

it(
  'close() finishes the event in flight and queued appends, then refuses everything',
  { timeout: 30_000 },
  async () => {
    const store = await openPostgresEventStore(database);
    const streamId = streamIn('close');
    const start = await store.headPosition();
    await store.append(streamId, newEvents(3), { expectedRevision: 'no_stream' });
    let started = 0;
    let finished = 0;
    store.subscribeToAll({
      after: start,
      onEvent: async () => {
        started++;
        await sleep(100);
        finished++;
      },
    });
    await waitFor('an event is in flight', () => started === 1);
    const queued = store.append(streamId, [newEvent()], { expectedRevision: 2 });

    await store.close();

    expect(await queued).toMatchObject({ nextExpectedRevision: 3 });
    expect([started, finished]).toEqual([1, 1]);
    const refusals = [
      store.append(streamId, [newEvent()], { expectedRevision: 'any' }),
      store.readStream(streamId),
      store.readAll(),
      store.headPosition(),
    ].map((attempt) =>
      attempt.then(
        () => 'resolved',
        (error: unknown) => error,
      ),
    );
    for (const outcome of await Promise.all(refusals)) {
      expect(outcome).toMatchObject({ code: 'EVENT_STORE_CLOSED' });
    }
    expect(() => store.subscribeToAll({ after: 0, onEvent: () => Promise.resolve() })).toThrow(
      expect.objectContaining({ code: 'EVENT_STORE_CLOSED' }),
    );
    await store.close();
  },
);

it('refuses a schema name that is not a plain lower-case identifier', async () => {
  await expect(openPostgresEventStore({ ...database, schema: 'Robert"; DROP' })).rejects.toThrow(
    TypeError,
  );
});
