// Opening the file: durability pragmas, the schema, and every statement the adapter runs, prepared
// once. Revisions come from the (stream_id, revision) index, so there is no second table to keep
// in step with the events.
import { DatabaseSync, type StatementSync } from 'node:sqlite';

const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    category TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
`;

const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at';

export interface Statements {
  begin: StatementSync;
  commit: StatementSync;
  rollback: StatementSync;
  savepoint: StatementSync;
  release: StatementSync;
  rollbackToSavepoint: StatementSync;
  /** (stream_id) -> { revision, position } of the stream's last event. */
  streamHead: StatementSync;
  /** (id) -> { stream_id, revision, position }. */
  eventById: StatementSync;
  insert: StatementSync;
  head: StatementSync;
  dataVersion: StatementSync;
  /** (stream_id, fromRevision, toRevision, limit) */
  readStream: StatementSync;
  /** (after, upTo, limit) */
  readAll: StatementSync;
  /** (category, after, upTo, limit) */
  readCategory: StatementSync;
}

/** Opens (creating if needed) an event store file, or ':memory:'. */
export function openDatabase(path: string): { db: DatabaseSync; statements: Statements } {
  const db = new DatabaseSync(path);
  try {
    // Another process may hold the write lock briefly (a second writer, or WAL set-up).
    db.exec('PRAGMA busy_timeout = 5000');
    // WAL + FULL: a commit returns only after the WAL is fsynced (survives power loss).
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    migrate(db);
    return { db, statements: prepare(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  if (row.user_version === SCHEMA_VERSION) return;
  if (row.user_version !== 0) {
    throw new Error(`event store schema version ${row.user_version} is not ${SCHEMA_VERSION}`);
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(SCHEMA);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

const prepare = (db: DatabaseSync): Statements => ({
  begin: db.prepare('BEGIN IMMEDIATE'),
  commit: db.prepare('COMMIT'),
  rollback: db.prepare('ROLLBACK'),
  savepoint: db.prepare('SAVEPOINT append_one'),
  release: db.prepare('RELEASE append_one'),
  rollbackToSavepoint: db.prepare('ROLLBACK TO append_one'),
  streamHead: db.prepare(
    'SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
  ),
  eventById: db.prepare('SELECT stream_id, revision, position FROM events WHERE id = ?'),
  insert: db.prepare(
    `INSERT INTO events (id, stream_id, revision, category, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  head: db.prepare('SELECT COALESCE(MAX(position), 0) AS position FROM events'),
  dataVersion: db.prepare('PRAGMA data_version'),
  readStream: db.prepare(
    `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? AND revision <= ?
     ORDER BY revision LIMIT ?`,
  ),
  readAll: db.prepare(
    `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
  ),
  readCategory: db.prepare(
    `SELECT ${COLUMNS} FROM events WHERE category = ? AND position > ? AND position <= ?
     ORDER BY position LIMIT ?`,
  ),
});
