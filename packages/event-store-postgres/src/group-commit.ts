// Group commit: appends queue while the previous batch commits, then go together in one
// transaction: lock their stream rows (sorted, so batches never deadlock each other), decide
// them in memory, and write them in one statement under the schema's append lock.
import type { AppendResult } from '@crm/event-store';
import { escapeLiteral, type Pool, type PoolClient, type QueryResult } from 'pg';
import { decideBatch, resultOf, type StoredEvent, type StreamState } from './append-batch.ts';
import type { AppendRequest } from './append-request.ts';
import { batchDocument } from './batch-document.ts';
import { EventStoreClosed } from './event-store-closed.ts';
import type { Sql } from './schema.ts';

interface PendingAppend {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitStats {
  /** Transactions that wrote events. */
  transactions: number;
  /** Appends decided (successful or not). */
  appends: number;
  /** Events written. */
  events: number;
}

/** Keeps one transaction (and the time it holds the append lock) bounded. */
const MAX_BATCH = 1_000;
// Deadlock, serialization failure, or an id another stream took since we looked: nothing was
// written, and running the batch again decides it on what is now committed.
const RETRYABLE = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 3;

/** A value as an escaped JSON literal, for statements sent without bind parameters. */
const jsonLiteral = (value: unknown): string => escapeLiteral(JSON.stringify(value));

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | undefined)?.code;

export class GroupCommit {
  readonly #pool: Pool;
  readonly #sql: Sql;
  readonly #onCommitted: () => void;
  #queue: PendingAppend[] = [];
  #running: Promise<void> | undefined;
  #closed = false;
  readonly #stats: GroupCommitStats = { transactions: 0, appends: 0, events: 0 };

  constructor(pool: Pool, sql: Sql, onCommitted: () => void) {
    this.#pool = pool;
    this.#sql = sql;
    this.#onCommitted = onCommitted;
  }

  get stats(): GroupCommitStats {
    return { ...this.#stats };
  }

  enqueue(request: AppendRequest): Promise<AppendResult> {
    if (this.#closed) return Promise.reject(new EventStoreClosed());
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      this.#running ??= this.#drain();
    });
  }

  /** Commits what is queued, then refuses further appends. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#running;
  }

  async #drain(): Promise<void> {
    // Appends made in this turn of the event loop (and its I/O callbacks) join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.#queue.length > 0) {
      await this.#commit(this.#queue.splice(0, MAX_BATCH));
    }
    this.#running = undefined;
  }

  async #commit(batch: PendingAppend[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const settle = await this.#transaction(batch.map(({ request }) => request));
        batch.forEach((pending, index) => settle(pending, index));
        return;
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && RETRYABLE.has(codeOf(error) as string)) continue;
        // The transaction as a whole failed: nothing of the batch was written.
        for (const pending of batch) pending.reject(error);
        return;
      }
    }
  }

  async #transaction(
    requests: AppendRequest[],
  ): Promise<(pending: PendingAppend, index: number) => void> {
    const client = await this.#pool.connect();
    try {
      const { streams, stored } = await this.#begin(client, requests);
      const decided = decideBatch(requests, streams, stored);
      const { decisions, rows } = decided;
      let base = 0;
      if (rows.length > 0) {
        const results = (await client.query(
          this.#sql.commitBatch(batchDocument(decided)),
        )) as unknown as QueryResult<{ base: string }>[];
        base = Number(results[1]!.rows[0]!.base);
      } else {
        // Nothing to write: also drops the stream rows the lock created for refused appends.
        await client.query('ROLLBACK');
      }
      client.release();
      this.#stats.transactions += rows.length > 0 ? 1 : 0;
      this.#stats.appends += requests.length;
      this.#stats.events += rows.length;
      if (rows.length > 0) this.#onCommitted();
      return (pending, index) => {
        const decision = decisions[index]!;
        if (decision.ok) pending.resolve(resultOf(decision, base));
        else pending.reject(decision.error);
      };
    } catch (error) {
      await client.query('ROLLBACK').then(
        () => client.release(),
        // Destroys the connection: the server rolls back whatever it had begun.
        () => client.release(error instanceof Error ? error : true),
      );
      throw error;
    }
  }

  /** BEGIN, lock the batch's streams and find its ids already stored: one round trip. */
  async #begin(
    client: PoolClient,
    requests: AppendRequest[],
  ): Promise<{ streams: Map<string, StreamState>; stored: Map<string, StoredEvent> }> {
    // Sorted, so that batches lock in one order and never deadlock each other.
    const streamIds = [...new Set(requests.map(({ streamId }) => streamId))].sort();
    const ids = requests.flatMap(({ events }) => events.map(({ id }) => id));
    const results = (await client.query(
      this.#sql.beginBatch(jsonLiteral(streamIds), jsonLiteral(ids)),
    )) as unknown as [
      QueryResult,
      QueryResult<{ stream_id: string; revision: number; position: string }>,
      QueryResult<{ position: string; id: string; stream_id: string; revision: number }>,
    ];
    const [, locked, found] = results;
    const streams = new Map(
      locked.rows.map((row): [string, StreamState] => [
        row.stream_id,
        { revision: row.revision, position: { stored: Number(row.position) } },
      ]),
    );
    const stored = new Map(
      found.rows.map((row): [string, StoredEvent] => [
        row.id,
        {
          streamId: row.stream_id,
          revision: row.revision,
          position: { stored: Number(row.position) },
        },
      ]),
    );
    return { streams, stored };
  }
}
