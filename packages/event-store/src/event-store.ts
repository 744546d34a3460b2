// The event store port: one append-only stream per aggregate, plus a global, gap-free order of
// every event ("all") that subscribers follow from a checkpoint. Adapters: embedded SQLite (here),
// PostgreSQL and EventStoreDB (their own packages). Every adapter passes `describeEventStoreContract`.

/** What the caller expects the stream to look like before the append. */
export type ExpectedRevision =
  | 'no_stream' // the stream must not exist yet
  | 'stream_exists' // the stream must have at least one event
  | 'any' // no concurrency check
  | number; // the revision of the stream's last event (revisions start at 0)

/** Who did it and why: carried with every event and onto the wire (CloudEvents extensions). */
export interface EventMetadata {
  correlationId: string;
  causationId: string;
  /** The user id (or `system:<component>`) that caused the event. */
  actor: string;
  /** W3C traceparent of the request that appended the event, when there was one. */
  traceparent?: string;
}

/** An event to append. The id is chosen by the caller (UUID) so retries can be recognised. */
export interface EventToAppend {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  type: string;
  /** Position in its stream: 0, 1, 2, ... */
  revision: number;
  /** Position in the whole store: strictly increasing, never reused, starts at 1. */
  position: number;
  data: unknown;
  metadata: EventMetadata;
  /** When the store recorded it (ISO-8601 UTC). */
  recordedAt: string;
}

export interface AppendResult {
  /** The revision of the last event appended (what to pass as ExpectedRevision next time). */
  nextExpectedRevision: number;
  /** The global position of the last event appended. */
  position: number;
}

export interface ReadStreamOptions {
  /** Inclusive. Default 0. */
  fromRevision?: number;
  /** Inclusive. Default: the end. */
  toRevision?: number;
  maxCount?: number;
}

/** Streams are named `<category>-<id>`; the category is everything before the first '-'. */
export interface AllFilter {
  categories?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events with a position greater than this. Default 0 (from the start). */
  after?: number;
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: deliver events with a position greater than this. 0 = from the start. */
  after: number;
  filter?: AllFilter;
  /**
   * Called once per event, in position order, one at a time; the next event waits until the
   * returned promise settles. If it rejects, the subscription stops and `onError` is called.
   */
  onEvent: (event: RecordedEvent) => Promise<void>;
  /** Called whenever the subscription has delivered everything that was in the store (may repeat). */
  onCaughtUp?: (position: number) => void;
  /** Called once when the subscription dies (handler failure or store failure). */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops delivering; resolves after the event in flight (if any) is handled. */
  stop(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically (all or nothing) to one stream. Rejects with WrongExpectedRevision when the
   * stream is not as expected. Appending events whose ids are already in that stream, in the same
   * order at its end, is a no-op that answers as the original append did (idempotent retry).
   */
  append(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Events of one stream in revision order; [] when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of the whole store in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the last event in the store (0 when empty). */
  headPosition(): Promise<number>;
  /** Catch up from `after`, then stay live. */
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  close(): Promise<void>;
}

export class WrongExpectedRevision extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  /** The stream's current revision, or -1 when it does not exist. */
  readonly actual: number;
  constructor(streamId: string, expected: ExpectedRevision, actual: number) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevision';
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
}

export const isWrongExpectedRevision = (error: unknown): error is WrongExpectedRevision =>
  error instanceof Error && (error as { code?: unknown }).code === 'WRONG_EXPECTED_REVISION';

export const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
};
