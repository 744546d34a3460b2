export * from './event-store.ts';
export * from './duplicate-event-id.ts';
export { openSqliteEventStore } from './embedded/sqlite-event-store.ts';
export type {
  SqliteEventStore,
  SqliteEventStoreOptions,
  SqliteEventStoreStats,
} from './embedded/sqlite-event-store.ts';
