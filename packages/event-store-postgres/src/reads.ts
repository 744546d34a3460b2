// Reading events back: rows to RecordedEvent, one stream by revision, the whole store by position.
import type { EventMetadata, ReadStreamOptions, RecordedEvent } from '@crm/event-store';
import type { Pool } from 'pg';
import type { Sql } from './schema.ts';

interface EventRow {
  position: string;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

// Postgres reads LIMIT NULL as "no limit".
const limitOf = (maxCount: number | undefined): number | null =>
  maxCount === undefined ? null : Math.max(0, Math.floor(maxCount));

const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.id,
  streamId: row.stream_id,
  type: row.type,
  revision: row.revision,
  position: Number(row.position),
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at.toISOString(),
});

export async function readStream(
  pool: Pool,
  sql: Sql,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<EventRow>(sql.readStream, [
    streamId,
    options.fromRevision ?? 0,
    options.toRevision ?? Number.MAX_SAFE_INTEGER,
    limitOf(options.maxCount),
  ]);
  return rows.map(toRecordedEvent);
}

export interface ReadRange {
  /** Exclusive lower bound. */
  after: number;
  /** Inclusive upper bound: a subscription reads only up to the head it saw. */
  upTo: number;
  maxCount?: number | undefined;
  /** undefined: every category. */
  categories?: readonly string[] | undefined;
}

/** Events with after < position <= upTo, in position order, at most maxCount. */
export async function readRange(pool: Pool, sql: Sql, range: ReadRange): Promise<RecordedEvent[]> {
  const values = [range.after, range.upTo, limitOf(range.maxCount)];
  const { rows } =
    range.categories === undefined
      ? await pool.query<EventRow>(sql.readAll, values)
      : await pool.query<EventRow>(sql.readCategories, [...values, [...range.categories]]);
  return rows.map(toRecordedEvent);
}

export async function headPosition(pool: Pool, sql: Sql): Promise<number> {
  const { rows } = await pool.query<{ position: string }>(sql.head);
  return Number(rows[0]!.position);
}
