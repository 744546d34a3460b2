// Reads by id: a write's guard, and getManyVersioned. On MongoDB `$in` is an index lookup per id,
// so many ids go 5,000 to a query (a command of ~150 KB). FerretDB 1.24 on PostgreSQL does not push
// `$in` down: it fetches and decodes the whole collection in Go (~3 s at 20,000 documents) whatever
// the number of ids. It does push `{ _id: x }` down, as `_jsonb->'_id' @> x`, which its btree
// index on `_jsonb->'_id'` cannot serve either: PostgreSQL scans the table, but without decoding
// (~5 ms at 20,000 documents). So on FerretDB a few ids are looked up one by one, many with `$in`.
import type { Collection as MongoCollection } from 'mongodb';
import { and, live, versionField } from './mongo-filter.ts';
import type { ServerFeatures } from './mongo-indexes.ts';
import type { StoredDocument } from './mongo-stored-document.ts';

const idsPerQuery = 5000;
// Half of where ids looked up one by one (~11 ms each, 8 in flight) cost what one decode does.
const oneByOneUpTo = 250;
const lookupsInFlight = 8;

/** The version stored for `id`, a tombstone's included; null when there is none. */
export async function storedVersion(
  documents: MongoCollection<StoredDocument>,
  id: string,
): Promise<number | null> {
  const current = await documents.findOne({ _id: id }, { projection: { [versionField]: 1 } });
  return current ? Number(current._v) : null;
}

/** The live documents among `ids`, as stored. */
export async function findLive(
  documents: MongoCollection<StoredDocument>,
  ids: readonly string[],
  features: ServerFeatures,
): Promise<StoredDocument[]> {
  const distinct = [...new Set(ids)];
  if (features.scansForIn && distinct.length <= oneByOneUpTo) {
    return findEach(documents, distinct);
  }
  const found: StoredDocument[] = [];
  for (let from = 0; from < distinct.length; from += idsPerQuery) {
    const chunk = distinct.slice(from, from + idsPerQuery);
    found.push(...(await documents.find(and([{ _id: { $in: chunk } }, live])).toArray()));
  }
  return found;
}

async function findEach(
  documents: MongoCollection<StoredDocument>,
  ids: readonly string[],
): Promise<StoredDocument[]> {
  const found: StoredDocument[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const row = await documents.findOne({ _id: ids[next++] as string });
      if (row && !row._deleted) found.push(row);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lookupsInFlight, ids.length) }, worker));
  return found;
}
