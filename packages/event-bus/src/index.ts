export * from './event-bus.ts';
export * from './consume.ts';
export * from './permanent-error.ts';
export * from './embedded/sqlite-event-bus.ts';
