// Reading events back: rows to RecordedEvent, one stream by revision, the whole store by position.
import type { EventMetadata, ReadStreamOptions, RecordedEvent } from '../event-store.ts';
import type { Statements } from './sqlite-schema.ts';

interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

// SQLite reads LIMIT -1 as "no limit".
const limitOf = (maxCount: number | undefined): number =>
  maxCount === undefined ? -1 : Math.max(0, Math.floor(maxCount));

const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.id,
  streamId: row.stream_id,
  type: row.type,
  revision: row.revision,
  position: row.position,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as EventMetadata,
  recordedAt: row.recorded_at,
});

export function readStream(
  statements: Statements,
  streamId: string,
  options: ReadStreamOptions = {},
): RecordedEvent[] {
  const rows = statements.readStream.all(
    streamId,
    options.fromRevision ?? 0,
    options.toRevision ?? Number.MAX_SAFE_INTEGER,
    limitOf(options.maxCount),
  ) as unknown as EventRow[];
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
export function readRange(statements: Statements, range: ReadRange): RecordedEvent[] {
  const limit = limitOf(range.maxCount);
  if (range.categories === undefined) {
    const rows = statements.readAll.all(range.after, range.upTo, limit) as unknown as EventRow[];
    return rows.map(toRecordedEvent);
  }
  // One indexed range scan per category, merged: cheaper than asking SQLite to sort an IN (...).
  const rows = [...new Set(range.categories)].flatMap(
    (category) =>
      statements.readCategory.all(
        category,
        range.after,
        range.upTo,
        limit,
      ) as unknown as EventRow[],
  );
  rows.sort((a, b) => a.position - b.position);
  return (limit === -1 ? rows : rows.slice(0, limit)).map(toRecordedEvent);
}

export const headPosition = (statements: Statements): number =>
  (statements.head.get() as { position: number }).position;
