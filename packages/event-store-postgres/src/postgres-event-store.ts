// The PostgreSQL event store: a pool for appends (group commit) and reads, a small one for live
// subscriptions, a dedicated LISTEN connection that wakes them, any number of processes on one schema.
import type { EventStore, ReadAllOptions, SubscribeToAllOptions } from '@crm/event-store';
import { CatchUpSubscription, type CatchUpSource } from '@crm/event-store/adapter';
import { Pool } from 'pg';
import { toAppendRequest } from './append-request.ts';
import { CommitListener } from './commit-listener.ts';
import { EventStoreClosed } from './event-store-closed.ts';
import { GroupCommit, type GroupCommitStats } from './group-commit.ts';
import { headPosition, readRange, readStream } from './reads.ts';
import { migrate, sqlFor } from './schema.ts';

export interface PostgresEventStoreOptions {
  /** postgres://user:password@host:port/database */
  connectionString: string;
  /** Where the tables live (created if missing): lower-case letters, digits, '_'. Default 'crm_events'. */
  schema?: string;
  /** Connections in the pool for appends and reads. Default 10. */
  poolSize?: number;
  /**
   * Connections kept apart for live subscriptions (the relay, projections), so requests that
   * fill the main pool never hold back what they publish. Opened on first use. Default 2.
   */
  subscriptionPoolSize?: number;
  /**
   * How often (ms) live subscriptions look for commits whose NOTIFY they missed. Commits made
   * through this store wake them at once, other processes' through LISTEN. 0 turns it off. Default 500.
   */
  pollIntervalMs?: number;
}

export type PostgresEventStoreStats = GroupCommitStats;

export interface PostgresEventStore extends EventStore {
  /** Creates the schema, tables and indexes if missing; run by open, safe to run again. */
  migrate(): Promise<void>;
  /** Counters for tests and diagnostics (how well group commit batches). */
  stats(): PostgresEventStoreStats;
}

export async function openPostgresEventStore(
  options: PostgresEventStoreOptions,
): Promise<PostgresEventStore> {
  const sql = sqlFor(options.schema ?? 'crm_events');
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
  });
  const subscriptionPool = new Pool({
    connectionString: options.connectionString,
    max: options.subscriptionPoolSize ?? 2,
  });
  // An idle connection that drops is replaced on next use; queries in flight reject themselves.
  pool.on('error', () => undefined);
  subscriptionPool.on('error', () => undefined);
  try {
    await migrate(pool, sql);
  } catch (error) {
    await Promise.all([pool.end(), subscriptionPool.end()]);
    throw error;
  }

  const subscriptions = new Set<CatchUpSubscription>();
  const wakeAll = (): void => {
    for (const subscription of subscriptions) subscription.notify();
  };
  const commits = new GroupCommit(pool, sql, wakeAll);
  const listener = new CommitListener({
    connectionString: options.connectionString,
    channel: sql.channel,
    pollIntervalMs: options.pollIntervalMs ?? 500,
    onCommit: wakeAll,
  });
  let state: 'open' | 'closing' | 'closed' = 'open';
  let closing: Promise<void> | undefined;

  const whileOpen = async <T>(read: () => Promise<T>): Promise<T> => {
    if (state === 'closed') throw new EventStoreClosed();
    return read();
  };

  const source: CatchUpSource = {
    head: () => whileOpen(() => headPosition(subscriptionPool, sql)),
    read: (range) => whileOpen(() => readRange(subscriptionPool, sql, range)),
  };

  const subscribeToAll = (subscribeOptions: SubscribeToAllOptions): CatchUpSubscription => {
    if (state !== 'open') throw new EventStoreClosed();
    const subscription = new CatchUpSubscription(source, subscribeOptions);
    subscriptions.add(subscription);
    listener.start();
    void subscription.done.then(async () => {
      subscriptions.delete(subscription);
      if (subscriptions.size === 0) await listener.stop();
    });
    return subscription;
  };

  const close = async (): Promise<void> => {
    state = 'closing';
    // Subscriptions finish their event in flight first: its handler may still append.
    await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
    await commits.close();
    await listener.stop();
    state = 'closed';
    await Promise.all([pool.end(), subscriptionPool.end()]);
  };

  return {
    append: (streamId, events, { expectedRevision }) =>
      whileOpen(() => commits.enqueue(toAppendRequest(streamId, events, expectedRevision))),
    readStream: (streamId, readOptions) =>
      whileOpen(() => readStream(pool, sql, streamId, readOptions)),
    readAll: (readOptions: ReadAllOptions = {}) =>
      whileOpen(() =>
        readRange(pool, sql, {
          after: readOptions.after ?? 0,
          upTo: Number.MAX_SAFE_INTEGER,
          maxCount: readOptions.maxCount,
          categories: readOptions.filter?.categories,
        }),
      ),
    headPosition: () => whileOpen(() => headPosition(pool, sql)),
    subscribeToAll,
    close: () => (closing ??= close()),
    migrate: () => whileOpen(() => migrate(pool, sql)),
    stats: () => commits.stats,
  };
}
