// The decision every adapter makes for one append, inside its transaction, once it knows where
// the stream stands and which of the append's ids are already stored: an idempotent retry (answer
// as the original append did), a refusal, or new events to write.
import { DuplicateEventId } from '../duplicate-event-id.ts';
import { WrongExpectedRevision, type ExpectedRevision } from '../event-store.ts';

/** Where an event already stored sits. P: however the adapter knows its position. */
export interface StoredEventRef<P> {
  streamId: string;
  revision: number;
  position: P;
}

export interface AppendToDecide {
  streamId: string;
  /** The ids of the append's events, in order, as the adapter stores them. */
  eventIds: readonly string[];
  expectedRevision: ExpectedRevision;
}

/** A well-formed expected revision; -1 reads as "no stream", as WrongExpectedRevision reports it. */
export const isExpectedRevision = (
  value: unknown,
  maxRevision = Number.MAX_SAFE_INTEGER,
): value is ExpectedRevision =>
  value === 'no_stream' ||
  value === 'stream_exists' ||
  value === 'any' ||
  (Number.isSafeInteger(value) && (value as number) >= -1 && (value as number) <= maxRevision);

/** Whether a stream at `actual` (-1: none) is what the caller expected. */
export const satisfiesExpectedRevision = (expected: ExpectedRevision, actual: number): boolean => {
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

/**
 * `current`: the stream's revision (-1: none); `stored(id)`: where an id of the append is already
 * stored, if anywhere. Answers the original append's last event when every id is already at the
 * end of this stream, in order (a retry); undefined when the events are new and may be written.
 * Throws DuplicateEventId when an id is stored anywhere else, WrongExpectedRevision on a conflict.
 */
export function decideAppend<P>(
  append: AppendToDecide,
  current: number,
  stored: (id: string) => StoredEventRef<P> | undefined,
): StoredEventRef<P> | undefined {
  const { streamId, eventIds, expectedRevision } = append;
  const found = eventIds.map(stored);
  const firstFound = found.findIndex((row) => row !== undefined);
  if (firstFound !== -1) {
    const start = current - eventIds.length + 1;
    const isRetry = found.every(
      (row, index) => row?.streamId === streamId && row.revision === start + index,
    );
    const last = found.at(-1);
    if (isRetry && last !== undefined) return last;
    throw new DuplicateEventId(streamId, eventIds[firstFound]!);
  }
  if (!satisfiesExpectedRevision(expectedRevision, current)) {
    throw new WrongExpectedRevision(streamId, expectedRevision, current);
  }
  return undefined;
}
