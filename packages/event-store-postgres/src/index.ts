export { openPostgresEventStore } from './postgres-event-store.ts';
export type {
  PostgresEventStore,
  PostgresEventStoreOptions,
  PostgresEventStoreStats,
} from './postgres-event-store.ts';
export { EventStoreClosed, isEventStoreClosed } from './event-store-closed.ts';
