export * from './document-store.ts';
export * from './errors.ts';
export * from './query-options.ts';
export * from './embedded/sqlite-document-store.ts';
