// Group commit: every append called before the next turn of the event loop joins one write
// transaction, so N concurrent appends cost one fsync. Appends are applied in call order, each in
// its own savepoint: a conflict fails only that append. Results are given out after COMMIT.
import type { DatabaseSync } from 'node:sqlite';
import type { AppendResult } from '../event-store.ts';
import { applyAppend, type AppendRequest, type AppliedAppend } from './sqlite-append.ts';
import { EventStoreClosed } from './event-store-closed.ts';
import type { Statements } from './sqlite-schema.ts';

interface PendingAppend {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; applied: AppliedAppend } | { ok: false; error: unknown };

export interface GroupCommitStats {
  /** Write transactions committed. */
  transactions: number;
  /** Appends that went through a transaction (successful or not). */
  appends: number;
  /** Events written. */
  events: number;
}

export class GroupCommit {
  readonly #db: DatabaseSync;
  readonly #statements: Statements;
  readonly #onCommitted: () => void;
  #queue: PendingAppend[] = [];
  #scheduled = false;
  #closed = false;
  readonly #stats: GroupCommitStats = { transactions: 0, appends: 0, events: 0 };

  constructor(db: DatabaseSync, statements: Statements, onCommitted: () => void) {
    this.#db = db;
    this.#statements = statements;
    this.#onCommitted = onCommitted;
  }

  get stats(): GroupCommitStats {
    return { ...this.#stats };
  }

  enqueue(request: AppendRequest): Promise<AppendResult> {
    if (this.#closed) return Promise.reject(new EventStoreClosed());
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      // setImmediate, not a microtask: appends arriving from other I/O callbacks of this turn join.
      setImmediate(() => this.#flush());
    });
  }

  /** Commits what is queued, then refuses further appends. */
  close(): void {
    this.#flush();
    this.#closed = true;
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.#commit(batch);
    } catch (error) {
      // The transaction as a whole failed (I/O, lock timeout): nothing of the batch was written.
      for (const pending of batch) pending.reject(error);
      return;
    }
    let wrote = false;
    for (const [index, pending] of batch.entries()) {
      const outcome = outcomes[index]!;
      if (outcome.ok) {
        wrote ||= outcome.applied.written > 0;
        pending.resolve(outcome.applied.result);
      } else {
        pending.reject(outcome.error);
      }
    }
    if (wrote) this.#onCommitted();
  }

  #commit(batch: PendingAppend[]): Outcome[] {
    const statements = this.#statements;
    const recordedAt = new Date().toISOString();
    const outcomes: Outcome[] = [];
    let events = 0;
    statements.begin.run();
    try {
      for (const { request } of batch) {
        statements.savepoint.run();
        try {
          const applied = applyAppend(statements, request, recordedAt);
          statements.release.run();
          outcomes.push({ ok: true, applied });
          events += applied.written;
        } catch (error) {
          // If this undo fails, it throws: the whole transaction is rolled back below.
          statements.rollbackToSavepoint.run();
          statements.release.run();
          outcomes.push({ ok: false, error });
        }
      }
      statements.commit.run();
    } catch (error) {
      // SQLite may already have rolled back on its own (e.g. after an I/O error).
      if (this.#db.isTransaction) statements.rollback.run();
      throw error;
    }
    this.#stats.transactions += 1;
    this.#stats.appends += batch.length;
    this.#stats.events += events;
    return outcomes;
  }
}
