// The tables and every statement the adapter runs, built once per schema. Positions are assigned
// by the append's write statement as max(position) + n while it holds the schema's append lock
// (see README: "Why positions are never seen out of order").
import type { Pool } from 'pg';

/** First key of every advisory lock this adapter takes (ASCII 'EvSt'); the second is per schema. */
const LOCK_CLASS = 0x45765374;
/** Second key of the migration lock: one per database, since CREATE SCHEMA races across schemas. */
const MIGRATION_LOCK = 0;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export interface Sql {
  schema: string;
  /** The NOTIFY channel appends announce their last position on. */
  channel: string;
  migrate: string[];
  /**
   * Opens a batch's transaction in one message: BEGIN; lock the stream rows in the order given
   * (sorted; missing ones created at revision -1); read the rows stored under the event ids.
   * Both arguments are escaped JSON array literals. Results: [BEGIN, locked rows, stored rows].
   */
  beginBatch: (streamIds: string, eventIds: string) => string;
  /**
   * Takes the lock that puts commits (and so positions) in one order, inserts the batch, moves its
   * streams, drops the unwritten new ones, notifies, commits. `batch`: an escaped JSON literal.
   * The second statement's row holds `base`: the batch's positions are base + ordinal.
   */
  commitBatch: (batch: string) => string;
  head: string;
  /** $1 stream, $2 from revision, $3 to revision, $4 limit (null: none). */
  readStream: string;
  /** $1 after, $2 up to, $3 limit (null: none). */
  readAll: string;
  /** $1 after, $2 up to, $3 limit (null: none), $4 categories. */
  readCategories: string;
}

// node-postgres hands bigint (position) over as a string: the readers convert it.
const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at';

export function sqlFor(schema: string): Sql {
  if (!IDENTIFIER.test(schema)) {
    throw new TypeError(`schema must match ${String(IDENTIFIER)}: ${schema}`);
  }
  const events = `"${schema}".events`;
  const streams = `"${schema}".streams`;
  const channel = `${schema}_appended`;
  return {
    schema,
    channel,
    migrate: [
      `SELECT pg_advisory_xact_lock(${LOCK_CLASS}, ${MIGRATION_LOCK})`,
      `CREATE SCHEMA IF NOT EXISTS "${schema}"`,
      `CREATE TABLE IF NOT EXISTS ${events} (
        position bigint PRIMARY KEY CHECK (position > 0),
        id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        revision integer NOT NULL CHECK (revision >= 0),
        category text NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        UNIQUE (stream_id, revision)
      )`,
      `CREATE INDEX IF NOT EXISTS events_by_category ON ${events} (category, position)`,
      // The row each append locks to check its expected revision; position answers empty appends.
      `CREATE TABLE IF NOT EXISTS ${streams} (
        stream_id text PRIMARY KEY,
        revision integer NOT NULL,
        position bigint NOT NULL
      )`,
    ],
    // Each statement takes a fresh snapshot (READ COMMITTED): the lookup runs after the locks are
    // held, so it sees whatever the previous holder of a stream row committed.
    beginBatch: (streamIds, eventIds) => `BEGIN;
      INSERT INTO ${streams} AS s (stream_id, revision, position)
        SELECT u.stream_id, -1, 0
        FROM jsonb_array_elements_text(${streamIds}::jsonb) WITH ORDINALITY AS u(stream_id, n)
        ORDER BY u.n
      ON CONFLICT (stream_id) DO UPDATE SET revision = s.revision
      RETURNING stream_id, revision, position;
      SELECT position, id, stream_id, revision FROM ${events}
      WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(${eventIds}::jsonb))::uuid[])`,
    // Lock, write and commit go in one message (simple protocol, so no bind parameters: the
    // batch is one escaped JSON literal). Each statement gets a fresh snapshot (READ COMMITTED), so
    // the write sees every earlier holder's commit; and no client round trip happens under the lock.
    commitBatch: (batch) => `SELECT pg_advisory_xact_lock(${LOCK_CLASS}, hashtext('${schema}'));
      WITH head AS (SELECT COALESCE(max(position), 0) AS base FROM ${events}),
      batch AS (SELECT ${batch}::jsonb AS doc),
      inserted AS (
        INSERT INTO ${events}
          (position, id, stream_id, revision, category, type, data, metadata, recorded_at)
        SELECT head.base + e.ord, e.id, e.stream_id, e.revision, e.category, e.type, e.data,
          e.metadata, statement_timestamp()
        FROM head, batch, jsonb_to_recordset(batch.doc -> 'events') AS e(id uuid, stream_id text,
          revision integer, category text, type text, data jsonb, metadata jsonb, ord bigint)
      ),
      moved AS (
        UPDATE ${streams} AS s SET revision = m.revision, position = head.base + m.ord
        FROM head, batch,
          jsonb_to_recordset(batch.doc -> 'moved') AS m(stream_id text, revision integer, ord bigint)
        WHERE s.stream_id = m.stream_id
      ),
      dropped AS (
        DELETE FROM ${streams} WHERE stream_id IN
          (SELECT jsonb_array_elements_text(batch.doc -> 'unwritten') FROM batch)
      )
      SELECT head.base, pg_notify('${channel}', (head.base + (batch.doc ->> 'count')::bigint)::text)
      FROM head, batch;
      COMMIT`,
    head: `SELECT COALESCE(max(position), 0) AS position FROM ${events}`,
    readStream: `SELECT ${COLUMNS} FROM ${events}
      WHERE stream_id = $1 AND revision >= $2::bigint AND revision <= $3::bigint
      ORDER BY revision LIMIT $4::bigint`,
    readAll: `SELECT ${COLUMNS} FROM ${events}
      WHERE position > $1::bigint AND position <= $2::bigint ORDER BY position LIMIT $3::bigint`,
    readCategories: `SELECT ${COLUMNS} FROM ${events}
      WHERE position > $1::bigint AND position <= $2::bigint AND category = ANY($4::text[])
      ORDER BY position LIMIT $3::bigint`,
  };
}

/** Idempotent; several processes may run it at once (they queue on the migration lock). */
export async function migrate(pool: Pool, sql: Sql): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const statement of sql.migrate) await client.query(statement);
    await client.query('COMMIT');
    client.release();
  } catch (error) {
    // Destroys the connection rather than returning one in an unknown transaction state.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
