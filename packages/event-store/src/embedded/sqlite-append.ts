// One append inside the batch's transaction: recognise a retry, refuse a reused id, check the
// expected revision against what this transaction sees (earlier appends of the batch included),
// then insert. Input is validated and serialised when append() is called, before it is queued.
import { decideAppend, isExpectedRevision, type StoredEventRef } from '../adapter/index.ts';
import {
  categoryOf,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
} from '../event-store.ts';
import { DuplicateEventId } from '../duplicate-event-id.ts';
import type { Statements } from './sqlite-schema.ts';

interface SerializedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export interface AppendRequest {
  streamId: string;
  events: SerializedEvent[];
  expectedRevision: ExpectedRevision;
}

const nonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;

/** Validates and snapshots the caller's events; throws TypeError or DuplicateEventId. */
export function toAppendRequest(
  streamId: string,
  events: readonly EventToAppend[],
  expectedRevision: ExpectedRevision,
): AppendRequest {
  if (!nonEmptyString(streamId)) throw new TypeError('streamId must be a non-empty string');
  const list: unknown = events;
  if (!Array.isArray(list)) throw new TypeError('events must be an array');
  if (!isExpectedRevision(expectedRevision)) {
    throw new TypeError(`invalid expected revision: ${String(expectedRevision)}`);
  }
  const seen = new Set<string>();
  const serialized = events.map((event): SerializedEvent => {
    if (!nonEmptyString(event.id) || !nonEmptyString(event.type)) {
      throw new TypeError(`stream ${streamId}: every event needs a non-empty id and type`);
    }
    if (typeof event.metadata !== 'object' || event.metadata === null) {
      throw new TypeError(`stream ${streamId}: event ${event.id} has no metadata`);
    }
    if (seen.has(event.id)) throw new DuplicateEventId(streamId, event.id);
    seen.add(event.id);
    return {
      id: event.id,
      type: event.type,
      // undefined has no JSON form; it is read back as null.
      data: JSON.stringify(event.data) ?? 'null',
      metadata: JSON.stringify(event.metadata),
    };
  });
  return { streamId, events: serialized, expectedRevision };
}

interface StreamHead {
  revision: number;
  position: number;
}

interface StoredId {
  stream_id: string;
  revision: number;
  position: number;
}

const storedIn =
  (statements: Statements) =>
  (id: string): StoredEventRef<number> | undefined => {
    const row = statements.eventById.get(id) as StoredId | undefined;
    return row && { streamId: row.stream_id, revision: row.revision, position: row.position };
  };

export interface AppliedAppend {
  result: AppendResult;
  /** Events inserted: 0 for an idempotent retry. */
  written: number;
}

/** Must run inside a write transaction; writes nothing when it throws before inserting. */
export function applyAppend(
  statements: Statements,
  request: AppendRequest,
  recordedAt: string,
): AppliedAppend {
  const { streamId, events, expectedRevision } = request;
  const head = statements.streamHead.get(streamId) as StreamHead | undefined;
  const current = head?.revision ?? -1;
  const eventIds = events.map((event) => event.id);
  const retried = decideAppend(
    { streamId, eventIds, expectedRevision },
    current,
    storedIn(statements),
  );
  if (retried !== undefined) {
    const result = { nextExpectedRevision: retried.revision, position: retried.position };
    return { result, written: 0 };
  }
  // Nothing to write: answers with where the stream stands, like the last append did.
  let result: AppendResult = { nextExpectedRevision: current, position: head?.position ?? 0 };
  const category = categoryOf(streamId);
  for (const [index, event] of events.entries()) {
    const revision = current + 1 + index;
    const { lastInsertRowid } = statements.insert.run(
      event.id,
      streamId,
      revision,
      category,
      event.type,
      event.data,
      event.metadata,
      recordedAt,
    );
    result = { nextExpectedRevision: revision, position: Number(lastInsertRowid) };
  }
  return { result, written: events.length };
}
