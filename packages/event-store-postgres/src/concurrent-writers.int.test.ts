// The ordering proof: 4 writer processes (4 pools, each with 4 concurrent appenders) append
// thousands of events while a subscription and a tight readAll loop follow the store. Both must
// see every event exactly once, in strictly increasing positions with no gaps, exactly as the
// table holds them at the end. With positions from a plain sequence this fails: a reader sees a
// later position commit first and moves its checkpoint past the earlier one for good.
import type { RecordedEvent } from '@crm/event-store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnWriters } from './fixtures/spawn-writers.ts';
import { SERVERS_TIMEOUT_MS, testSchema, type TestSchema } from './fixtures/test-schema.ts';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store.ts';

const PROCESSES = 4;
const APPENDERS_PER_PROCESS = 4;
const APPENDS_PER_APPENDER = 250;

let database: TestSchema;
let store: PostgresEventStore;
beforeAll(async () => {
  database = await testSchema('writers');
  store = await openPostgresEventStore({ ...database, pollIntervalMs: 100 });
}, SERVERS_TIMEOUT_MS);
afterAll(async () => {
  await store.close();
  await database.drop();
});

const summary = (events: readonly RecordedEvent[]) =>
  events.map(({ position, id }) => `${position}:${id}`);

/** Follows the store with readAll as fast as it can, trusting each answer as a checkpoint would. */
async function readTightly(until: () => boolean): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  for (;;) {
    const done = until(); // read once more after the writers finished
    const batch = await store.readAll({ after: seen.at(-1)?.position ?? 0, maxCount: 1_000 });
    seen.push(...batch);
    if (done && batch.length === 0) return seen;
  }
}

it(
  'subscribers see every event once, in position order, with no gaps',
  { timeout: 120_000 },
  async () => {
    const delivered: RecordedEvent[] = [];
    const errors: unknown[] = [];
    const subscription = store.subscribeToAll({
      after: 0,
      onEvent: (event) => {
        delivered.push(event);
        return Promise.resolve();
      },
      onError: (error) => errors.push(error),
    });
    let writing = true;
    const tight = readTightly(() => !writing);

    const started = performance.now();
    const reports = await spawnWriters({
      connectionString: database.connectionString,
      schema: database.schema,
      processes: PROCESSES,
      appendersPerProcess: APPENDERS_PER_PROCESS,
      appendsPerAppender: APPENDS_PER_APPENDER,
    });
    const seconds = (performance.now() - started) / 1000;
    writing = false;

    const final = await store.readAll();
    const acks = reports.flatMap(({ acks }) => acks);
    const written = acks.reduce((sum, { ids }) => sum + ids.length, 0);
    expect(written).toBeGreaterThan(PROCESSES * APPENDERS_PER_PROCESS * APPENDS_PER_APPENDER);
    expect(final.map(({ position }) => position)).toEqual(final.map((_, index) => index + 1));
    expect(final).toHaveLength(written);

    const head = final.at(-1)!.position;
    const deadline = Date.now() + 30_000;
    while (delivered.at(-1)?.position !== head && errors.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await subscription.stop();
    expect(errors).toEqual([]);
    expect(summary(delivered)).toEqual(summary(final));
    expect(summary(await tight)).toEqual(summary(final));

    // Every acknowledged append is in the table where its answer said.
    const byId = new Map(final.map((event) => [event.id, event]));
    for (const ack of acks) {
      const stored = ack.ids.map((id) => byId.get(id));
      expect(stored.map((event) => event?.streamId)).toEqual(ack.ids.map(() => ack.streamId));
      expect(stored.at(-1)).toMatchObject({
        revision: ack.nextExpectedRevision,
        position: ack.position,
      });
    }
    const appenders = PROCESSES * APPENDERS_PER_PROCESS;
    console.log(
      `[throughput] ${PROCESSES} processes x ${APPENDERS_PER_PROCESS} appenders: ${acks.length} appends,` +
        ` ${written} events in ${seconds.toFixed(2)} s = ${Math.round(written / seconds)} events/s` +
        ` (${appenders} concurrent appenders, incl. process start-up)`,
    );
  },
);
