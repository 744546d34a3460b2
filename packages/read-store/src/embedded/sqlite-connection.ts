// One SQLite connection with its statements prepared once, and the port's promises made from
// synchronous calls (a throw becomes a rejection, never an exception at the call site).
import {
  DatabaseSync,
  type SQLInputValue,
  type SQLOutputValue,
  type StatementSync,
} from 'node:sqlite';

export type Row = Record<string, SQLOutputValue>;

export interface SqliteConnection {
  exec(sql: string): void;
  run(sql: string, params?: readonly SQLInputValue[]): number;
  get(sql: string, params?: readonly SQLInputValue[]): Row | undefined;
  all(sql: string, params?: readonly SQLInputValue[]): Row[];
  /** Runs work in one transaction (or in the one already open), rolled back if it throws. */
  transaction<T>(work: () => T): T;
  close(): void;
}

// Filters with different shapes give different SQL; bound the cache rather than grow forever.
const maxCachedStatements = 500;

export function openSqliteConnection(path: string): SqliteConnection {
  const db = new DatabaseSync(path, { timeout: 5000 });
  // Read models are rebuildable: NORMAL in WAL survives a process crash, only an OS crash may
  // lose the last commits, which a replay from the checkpoint restores.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  const statements = new Map<string, StatementSync>();
  const statement = (sql: string): StatementSync => {
    let prepared = statements.get(sql);
    if (!prepared) {
      if (statements.size >= maxCachedStatements) statements.clear();
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };
  return {
    exec: (sql) => db.exec(sql),
    run: (sql, params = []) => Number(statement(sql).run(...params).changes),
    get: (sql, params = []) => statement(sql).get(...params),
    all: (sql, params = []) => statement(sql).all(...params),
    transaction: (work) => {
      if (db.isTransaction) return work();
      // IMMEDIATE: take the write lock up front, so no other writer can slip in mid-way.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    close: () => {
      statements.clear();
      if (db.isOpen) db.close();
    },
  };
}

/** Runs synchronous work as a promise: a thrown error rejects it. */
export const attempt = <T>(work: () => T): Promise<T> =>
  new Promise<T>((resolve) => resolve(work()));

/** SQLite's extended code for a UNIQUE constraint failure. */
export const isSqliteUniqueError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { errcode?: unknown }).errcode === 2067;
