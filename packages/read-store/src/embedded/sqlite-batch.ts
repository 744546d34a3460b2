// Batches for projections that fold many events at once: many guarded puts in one transaction
// (all or nothing, so a UNIQUE_VIOLATION leaves the batch unwritten), many reads in one query.
import type { Document, Versioned } from '../document-store.ts';
import { InvalidQuery } from '../errors.ts';
import type { SqliteConnection } from './sqlite-connection.ts';

export interface Write<T> {
  doc: T;
  version: number;
}

/** Runs `put` for every write in one transaction; answers how many wrote. */
export function putEach<T extends Document>(
  db: SqliteConnection,
  writes: readonly Write<T>[],
  put: (doc: T, version: number) => boolean,
): number {
  if (!writes.length) return 0;
  assertDistinctIds(writes.map(({ doc }) => doc._id));
  // One commit instead of one per document; a throw rolls every write of the batch back.
  return db.transaction(() =>
    writes.reduce((written, { doc, version }) => written + (put(doc, version) ? 1 : 0), 0),
  );
}

/** The live documents of `ids` with their versions: one statement, whatever the number of ids. */
export function liveVersions<T extends Document>(
  db: SqliteConnection,
  table: string,
  ids: readonly string[],
): Map<string, Versioned<T>> {
  const found = new Map<string, Versioned<T>>();
  if (!ids.length) return found;
  // The ids travel as one JSON parameter: no bound-parameter limit, one cached statement.
  const sql =
    `SELECT id, version, body FROM ${table} ` +
    'WHERE id IN (SELECT value FROM json_each(?)) AND body IS NOT NULL';
  for (const row of db.all(sql, [JSON.stringify(ids)])) {
    found.set(String(row.id), {
      doc: JSON.parse(String(row.body)) as T,
      version: Number(row.version),
    });
  }
  return found;
}

function assertDistinctIds(ids: readonly unknown[]): void {
  const seen = new Set<unknown>();
  for (const id of ids) {
    if (seen.has(id)) throw new InvalidQuery(`_id ${String(id)} appears twice in one putMany`);
    seen.add(id);
  }
}
