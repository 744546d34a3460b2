// Using a store after close() is a programming error with a stable code, not a SQLite message.
export class EventStoreClosed extends Error {
  readonly code = 'EVENT_STORE_CLOSED';
  constructor() {
    super('the event store is closed');
    this.name = 'EventStoreClosed';
  }
}
