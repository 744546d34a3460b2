// Using a store after close() is a programming error with a stable code, not a pool message.
// The same code as the embedded adapter's error, which @crm/event-store does not export.
export class EventStoreClosed extends Error {
  readonly code = 'EVENT_STORE_CLOSED';
  constructor() {
    super('the event store is closed');
    this.name = 'EventStoreClosed';
  }
}

export const isEventStoreClosed = (error: unknown): error is EventStoreClosed =>
  error instanceof Error && (error as { code?: unknown }).code === 'EVENT_STORE_CLOSED';
