// Append throughput with 1 and with 8 concurrent appenders (in one process, and in 8 processes),
// printed for docs/benchmarks.md. Not timed: the assertions are that every append landed, once,
// at gap-free positions.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newEvent, streamIn } from './fixtures/events.ts';
import { spawnWriters } from './fixtures/spawn-writers.ts';
import { SERVERS_TIMEOUT_MS, testSchema, type TestSchema } from './fixtures/test-schema.ts';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store.ts';

const APPENDS = 2_000;

let database: TestSchema;
let store: PostgresEventStore;
beforeAll(async () => {
  database = await testSchema('throughput');
  store = await openPostgresEventStore(database);
}, SERVERS_TIMEOUT_MS);
afterAll(async () => {
  await store.close();
  await database.drop();
});

const report = (what: string, events: number, ms: number, extra = ''): void => {
  const perSecond = Math.round((events * 1000) / ms);
  console.log(
    `[throughput] ${what}: ${events} events in ${Math.round(ms)} ms = ${perSecond} events/s${extra}`,
  );
};

async function expectGapFreeAfter(start: number, events: number): Promise<void> {
  const all = await store.readAll({ after: start });
  expect(all.map(({ position }) => position)).toEqual(all.map((_, index) => start + index + 1));
  expect(new Set(all.map(({ id }) => id)).size).toBe(events);
}

it.each([1, 8])(
  '%i in-process appender(s), one event per append',
  { timeout: 120_000 },
  async (appenders) => {
    const start = await store.headPosition();
    const before = store.stats();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: appenders }, async () => {
        const streamId = streamIn('bench');
        for (let revision = 0; revision < APPENDS / appenders; revision++) {
          await store.append(streamId, [newEvent()], { expectedRevision: revision - 1 });
        }
      }),
    );
    const ms = performance.now() - started;
    const transactions = store.stats().transactions - before.transactions;
    report(`${appenders} appender(s), 1 process`, APPENDS, ms, ` (${transactions} transactions)`);
    await expectGapFreeAfter(start, APPENDS);
  },
);

it('8 appenders in 8 processes, 1-3 events per append', { timeout: 120_000 }, async () => {
  const start = await store.headPosition();
  const reports = await spawnWriters({
    connectionString: database.connectionString,
    schema: database.schema,
    processes: 8,
    appendersPerProcess: 1,
    appendsPerAppender: APPENDS / 8,
  });
  const events = reports.reduce(
    (sum, { acks }) => sum + acks.reduce((count, { ids }) => count + ids.length, 0),
    0,
  );
  // Each writer times its own appends (not its start-up); they ran side by side.
  report('8 appenders, 8 processes', events, Math.max(...reports.map(({ ms }) => ms)));
  await expectGapFreeAfter(start, events);
});
