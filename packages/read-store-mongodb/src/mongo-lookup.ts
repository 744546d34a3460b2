// Reads by id: a write's guard, and getManyVersioned. Many ids go 5,000 to a query: FerretDB 1.24
// does not push `$in` down, so each query decodes the whole collection whatever its number of ids
// (~0.8 s at 5,000 documents) and fewer, larger queries cost less; on MongoDB it is an index
// lookup per id, in a command of ~150 KB.
import type { Collection as MongoCollection } from 'mongodb';
import { and, live, versionField } from './mongo-filter.ts';
import type { StoredDocument } from './mongo-stored-document.ts';

const idsPerQuery = 5000;

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
): Promise<StoredDocument[]> {
  const distinct = [...new Set(ids)];
  const found: StoredDocument[] = [];
  for (let from = 0; from < distinct.length; from += idsPerQuery) {
    const chunk = distinct.slice(from, from + idsPerQuery);
    found.push(...(await documents.find(and([{ _id: { $in: chunk } }, live])).toArray()));
  }
  return found;
}
