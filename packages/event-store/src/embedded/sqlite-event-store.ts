// The embedded event store: one SQLite file (or ':memory:'), durable on acknowledgement, with group
// commit for appends and in-process wake-ups for subscriptions.
import { CatchUpSubscription, type CatchUpSource } from '../adapter/index.ts';
import type { EventStore, ReadAllOptions, SubscribeToAllOptions } from '../event-store.ts';
import { EventStoreClosed } from './event-store-closed.ts';
import { GroupCommit, type GroupCommitStats } from './group-commit.ts';
import { toAppendRequest } from './sqlite-append.ts';
import { headPosition, readRange, readStream } from './sqlite-reads.ts';
import { openDatabase } from './sqlite-schema.ts';

export interface SqliteEventStoreOptions {
  /** A file path (created if missing) or ':memory:'. */
  path: string;
  /**
   * How often (ms) live subscriptions look for commits made by another process on the same file;
   * commits made through this store wake them at once. A cheap `PRAGMA data_version` check that
   * runs only while a subscription is open. 0 turns it off. Default 200; never for ':memory:'.
   */
  pollIntervalMs?: number;
}

export type SqliteEventStoreStats = GroupCommitStats;

export interface SqliteEventStore extends EventStore {
  /** Counters for tests and diagnostics (how well group commit batches). */
  stats(): SqliteEventStoreStats;
}

/** Opens synchronously: the schema is created or checked before this returns. */
export function openSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  const { db, statements } = openDatabase(options.path);
  const subscriptions = new Set<CatchUpSubscription>();
  const wakeAll = (): void => {
    for (const subscription of subscriptions) subscription.notify();
  };
  const commits = new GroupCommit(db, statements, wakeAll);
  const pollIntervalMs = options.path === ':memory:' ? 0 : (options.pollIntervalMs ?? 200);
  let poll: NodeJS.Timeout | undefined;
  let dataVersion = 0;
  let state: 'open' | 'closing' | 'closed' = 'open';
  let closing: Promise<void> | undefined;

  const source: CatchUpSource = {
    head: () => headPosition(statements),
    read: (range) => readRange(statements, range),
  };

  // data_version changes only when another connection commits to the file.
  const checkOtherWriters = (): void => {
    try {
      const { data_version } = statements.dataVersion.get() as { data_version: number };
      if (data_version === dataVersion) return;
      dataVersion = data_version;
    } catch {
      // Not swallowed: the woken subscriptions read, hit the same failure and report it (onError).
    }
    wakeAll();
  };

  const startPolling = (): void => {
    if (pollIntervalMs <= 0 || poll !== undefined) return;
    dataVersion = (statements.dataVersion.get() as { data_version: number }).data_version;
    poll = setInterval(checkOtherWriters, pollIntervalMs);
    poll.unref();
  };

  const stopPolling = (): void => {
    clearInterval(poll);
    poll = undefined;
  };

  // The Promise constructor turns anything thrown (closed, SQLite errors) into a rejection.
  const whileOpen = <T>(read: () => T | Promise<T>): Promise<T> =>
    new Promise((resolve) => {
      if (state === 'closed') throw new EventStoreClosed();
      resolve(read());
    });

  const subscribeToAll = (subscribeOptions: SubscribeToAllOptions): CatchUpSubscription => {
    if (state !== 'open') throw new EventStoreClosed();
    const subscription = new CatchUpSubscription(source, subscribeOptions);
    subscriptions.add(subscription);
    startPolling();
    void subscription.done.then(() => {
      subscriptions.delete(subscription);
      if (subscriptions.size === 0) stopPolling();
    });
    return subscription;
  };

  const close = async (): Promise<void> => {
    state = 'closing';
    // Subscriptions finish their event in flight first: its handler may still append.
    await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
    stopPolling();
    commits.close();
    state = 'closed';
    db.close();
  };

  return {
    append: (streamId, events, { expectedRevision }) =>
      whileOpen(() => commits.enqueue(toAppendRequest(streamId, events, expectedRevision))),
    readStream: (streamId, readOptions) =>
      whileOpen(() => readStream(statements, streamId, readOptions)),
    readAll: (readOptions: ReadAllOptions = {}) =>
      whileOpen(() =>
        readRange(statements, {
          after: readOptions.after ?? 0,
          upTo: Number.MAX_SAFE_INTEGER,
          maxCount: readOptions.maxCount,
          categories: readOptions.filter?.categories,
        }),
      ),
    headPosition: () => whileOpen(() => headPosition(statements)),
    subscribeToAll,
    close: () => (closing ??= close()),
    stats: () => commits.stats,
  };
}
