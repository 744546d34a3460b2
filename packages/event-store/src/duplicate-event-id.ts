// An event id is unique in the whole store. Reusing one is only allowed as an idempotent retry
// (the same ids, in the same order, at the end of the same stream); anything else is this error.
export class DuplicateEventId extends Error {
  readonly code = 'DUPLICATE_EVENT_ID';
  readonly streamId: string;
  readonly eventId: string;
  constructor(streamId: string, eventId: string) {
    super(`stream ${streamId}: event id ${eventId} is already in the store, not as a retry`);
    this.name = 'DuplicateEventId';
    this.streamId = streamId;
    this.eventId = eventId;
  }
}

export const isDuplicateEventId = (error: unknown): error is DuplicateEventId =>
  error instanceof Error && (error as { code?: unknown }).code === 'DUPLICATE_EVENT_ID';
