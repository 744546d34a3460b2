// The embedded read-model store: every collection and the projections' checkpoints in one SQLite
// file (or ':memory:'), so a checkpoint and the documents it describes live side by side.
import type { Collection, Document, DocumentStore } from '../document-store.ts';
import { InvalidQuery } from '../errors.ts';
import { sqliteCollection } from './sqlite-collection.ts';
import { attempt, openSqliteConnection } from './sqlite-connection.ts';

export interface SqliteDocumentStoreOptions {
  /** A file path, or ':memory:' for a store that lives as long as the process. */
  path: string;
}

export function openSqliteDocumentStore(options: SqliteDocumentStoreOptions): DocumentStore {
  const db = openSqliteConnection(options.path);
  db.exec(
    'CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) STRICT',
  );
  const collections = new Map<string, Collection<Document>>();

  return {
    collection: <T extends Document>(name: string): Collection<T> => {
      let collection = collections.get(name);
      if (!collection) {
        collection = sqliteCollection<Document>(db, name);
        collections.set(name, collection);
      }
      return collection as Collection<T>;
    },

    getCheckpoint: (name) =>
      attempt(() => {
        const row = db.get('SELECT position FROM checkpoints WHERE name = ?', [name]);
        return row ? Number(row.position) : null;
      }),

    setCheckpoint: (name, position) =>
      attempt(() => {
        if (!Number.isSafeInteger(position))
          throw new InvalidQuery(`invalid position: ${position}`);
        const sql =
          'INSERT INTO checkpoints (name, position) VALUES (?, ?) ' +
          'ON CONFLICT (name) DO UPDATE SET position = excluded.position';
        db.run(sql, [name, position]);
      }),

    close: () => attempt(() => db.close()),
  };
}
