// One append inside the batch's transaction: recognise a retry, refuse a reused id, check the
// expected revision against what this transaction sees (earlier appends of the batch included),
// then insert. Input is validated and serialised when append() is called, before it is queued.
import {
  categoryOf,
  WrongExpectedRevision,
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

const isExpectedRevision = (value: unknown): value is ExpectedRevision =>
  value === 'no_stream' ||
  value === 'stream_exists' ||
  value === 'any' ||
  // -1 reads as "no stream", the same number WrongExpectedRevision reports for a missing stream.
  (Number.isSafeInteger(value) && (value as number) >= -1);

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

const satisfies = (expected: ExpectedRevision, actual: number): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === -1;
    case 'stream_exists':
      return actual >= 0;
    default:
      return actual === expected;
  }
};

interface StreamHead {
  revision: number;
  position: number;
}

interface StoredId {
  stream_id: string;
  revision: number;
  position: number;
}

/**
 * The original result when every id is already at the end of this stream, in order; undefined
 * when none of the ids is stored; DuplicateEventId for anything in between.
 */
function earlierAppend(
  statements: Statements,
  request: AppendRequest,
  current: number,
): AppendResult | undefined {
  const stored = request.events.map(
    (event) => statements.eventById.get(event.id) as StoredId | undefined,
  );
  const firstFound = stored.findIndex((row) => row !== undefined);
  if (firstFound === -1) return undefined;
  const start = current - request.events.length + 1;
  const isRetry = stored.every(
    (row, index) => row?.stream_id === request.streamId && row.revision === start + index,
  );
  const last = stored.at(-1);
  if (isRetry && last !== undefined) {
    return { nextExpectedRevision: last.revision, position: last.position };
  }
  throw new DuplicateEventId(request.streamId, request.events[firstFound]!.id);
}

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
  const retried = earlierAppend(statements, request, current);
  if (retried !== undefined) return { result: retried, written: 0 };
  if (!satisfies(expectedRevision, current)) {
    throw new WrongExpectedRevision(streamId, expectedRevision, current);
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
