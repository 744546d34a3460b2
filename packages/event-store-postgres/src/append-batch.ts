// Deciding a batch of appends in call order, in memory, once its stream rows are locked: each is
// a retry, a refusal or new events; a later append sees what earlier ones of the batch wrote.
// New events get ordinals 1..n; the write statement turns them into positions base + ordinal.
import {
  DuplicateEventId,
  WrongExpectedRevision,
  type AppendResult,
  type ExpectedRevision,
} from '@crm/event-store';
import type { AppendRequest, SerializedEvent } from './append-request.ts';

/** A position known now (stored) or once the batch's base is known (written by this batch). */
export type Position = { stored: number } | { ordinal: number };

export interface StreamState {
  revision: number;
  position: Position;
}

export interface StoredEvent {
  streamId: string;
  revision: number;
  position: Position;
}

export interface EventRow extends SerializedEvent {
  streamId: string;
  category: string;
  revision: number;
}

export type Decision =
  { ok: true; revision: number; position: Position } | { ok: false; error: unknown };

export interface DecidedBatch {
  decisions: Decision[];
  /** In ordinal order: rows[i] gets ordinal i + 1. */
  rows: EventRow[];
  /** Where each stream the batch wrote ends up. */
  moved: Map<string, StreamState>;
  /** Streams whose rows the lock created but nothing was written to. */
  unwritten: string[];
}

export const positionOf = (position: Position, base: number): number =>
  'stored' in position ? position.stored : base + position.ordinal;

export const resultOf = (
  decision: Extract<Decision, { ok: true }>,
  base: number,
): AppendResult => ({
  nextExpectedRevision: decision.revision,
  position: positionOf(decision.position, base),
});

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

/** The original append when every id is at the end of this stream, in order; else throws. */
function earlierAppend(
  request: AppendRequest,
  current: number,
  stored: ReadonlyMap<string, StoredEvent>,
): Decision | undefined {
  const found = request.events.map((event) => stored.get(event.id));
  const firstFound = found.findIndex((row) => row !== undefined);
  if (firstFound === -1) return undefined;
  const start = current - request.events.length + 1;
  const isRetry = found.every(
    (row, index) => row?.streamId === request.streamId && row.revision === start + index,
  );
  const last = found.at(-1);
  if (isRetry && last !== undefined) {
    return { ok: true, revision: last.revision, position: last.position };
  }
  throw new DuplicateEventId(request.streamId, request.events[firstFound]!.id);
}

/**
 * `streams` holds every stream of the batch as locked (revision -1: no stream); `stored` the rows
 * already in the store under any id of the batch. Both are updated as the batch is decided.
 */
export function decideBatch(
  requests: readonly AppendRequest[],
  streams: Map<string, StreamState>,
  stored: Map<string, StoredEvent>,
): DecidedBatch {
  const rows: EventRow[] = [];
  const moved = new Map<string, StreamState>();
  const decide = (request: AppendRequest): Decision => {
    const { streamId, expectedRevision } = request;
    const head = streams.get(streamId) ?? { revision: -1, position: { stored: 0 } };
    const retried = earlierAppend(request, head.revision, stored);
    if (retried !== undefined) return retried;
    if (!satisfies(expectedRevision, head.revision)) {
      throw new WrongExpectedRevision(streamId, expectedRevision, head.revision);
    }
    // Nothing to write: answers with where the stream stands, like its last append did.
    if (request.events.length === 0) return { ok: true, ...head };
    for (const [index, event] of request.events.entries()) {
      const revision = head.revision + 1 + index;
      rows.push({ ...event, streamId, category: request.category, revision });
      stored.set(event.id, { streamId, revision, position: { ordinal: rows.length } });
    }
    const next: StreamState = {
      revision: head.revision + request.events.length,
      position: { ordinal: rows.length },
    };
    streams.set(streamId, next);
    moved.set(streamId, next);
    return { ok: true, ...next };
  };
  const decisions = requests.map((request): Decision => {
    try {
      return decide(request);
    } catch (error) {
      return { ok: false, error };
    }
  });
  const unwritten = [...streams].flatMap(([streamId, { revision }]) =>
    revision === -1 ? [streamId] : [],
  );
  return { decisions, rows, moved, unwritten };
}
