export { openEventStoreDbEventStore } from './eventstoredb-event-store.ts';
export type { EventStoreDbOptions } from './eventstoredb-event-store.ts';
