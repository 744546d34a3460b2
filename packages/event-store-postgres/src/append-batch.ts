// Deciding a batch of appends in call order, in memory, once its stream rows are locked: each is
// a retry, a refusal or new events; a later append sees what earlier ones of the batch wrote.
// New events get ordinals 1..n; the write statement turns them into positions base + ordinal.
import type { AppendResult } from '@crm/event-store';
import { decideAppend, type StoredEventRef } from '@crm/event-store/adapter';
import type { AppendRequest, SerializedEvent } from './append-request.ts';

/** A position known now (stored) or once the batch's base is known (written by this batch). */
export type Position = { stored: number } | { ordinal: number };

export interface StreamState {
  revision: number;
  position: Position;
}

export type StoredEvent = StoredEventRef<Position>;

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
    const eventIds = request.events.map((event) => event.id);
    const retried = decideAppend({ streamId, eventIds, expectedRevision }, head.revision, (id) =>
      stored.get(id),
    );
    if (retried !== undefined) {
      return { ok: true, revision: retried.revision, position: retried.position };
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
