// The raw store baseline: the embedded event store on a temp file, driven in-process with a fixed
// number of appends in flight, each one event to a new stream, as a registration's log write is.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteEventStore, type EventToAppend, type SqliteEventStore } from '@crm/event-store';
import { percentile } from './percentile.ts';
import { tempDir } from './temp-dir.ts';

export interface StoreWriteOptions {
  inFlight: number;
  warmupSeconds: number;
  seconds: number;
}

export interface StoreWriteFigures {
  appendsPerSecond: number;
  appends: number;
  p50Ms: number;
  p99Ms: number;
  /** Appends per SQLite transaction: how much group commit batched. */
  appendsPerCommit: number;
}

const eventFor = (n: number): EventToAppend => ({
  id: randomUUID(),
  type: 'BenchEventRecorded',
  data: { n, name: '压测客户', phones: ['+8613900000000'] },
  metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: 'system:bench' },
});

/** Keeps `inFlight` appends going until `seconds` have passed; answers each append's latency. */
async function drive(
  store: SqliteEventStore,
  inFlight: number,
  seconds: number,
): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1_000;
  const writer = async (): Promise<void> => {
    while (performance.now() < end) {
      const started = performance.now();
      await store.append(`bench-${randomUUID()}`, [eventFor(latencies.length)], {
        expectedRevision: 'no_stream',
      });
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, writer));
  return latencies;
}

export async function measureStoreWrites(options: StoreWriteOptions): Promise<StoreWriteFigures> {
  const dir = tempDir('crm-bench-store-');
  const store = openSqliteEventStore({ path: join(dir.path, 'events.sqlite') });
  try {
    await drive(store, options.inFlight, options.warmupSeconds);
    const before = store.stats();
    const started = performance.now();
    const latencies = await drive(store, options.inFlight, options.seconds);
    const elapsedSeconds = (performance.now() - started) / 1_000;
    const after = store.stats();
    return {
      appendsPerSecond: latencies.length / elapsedSeconds,
      appends: latencies.length,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      appendsPerCommit:
        (after.appends - before.appends) / Math.max(1, after.transactions - before.transactions),
    };
  } finally {
    await store.close();
    dir.remove();
  }
}
