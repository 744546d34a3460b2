// The port's index specs as named Mongo indexes. Unique indexes cover only documents that have
// the fields, so documents without them (and tombstones, which have no fields) never collide.
import { InvalidQuery, UniqueViolation, type IndexSpec } from '@crm/read-store';
import type { Collection, CreateIndexesOptions, Document as MongoDocument } from 'mongodb';
import { collisionOf, isNotImplemented } from './mongo-errors.ts';
import { assertQueryField } from './mongo-filter.ts';

/** What the server turned out to support, learned once per store. */
export interface ServerFeatures {
  /** FerretDB 1.x refuses partialFilterExpression (NotImplemented). */
  partialIndexes?: boolean;
  /** FerretDB 1.x reads every document of a collection for an `$in` (see mongo-lookup.ts). */
  scansForIn?: boolean;
}

export async function ensureMongoIndexes<S extends MongoDocument>(
  collection: Collection<S>,
  name: string,
  specs: readonly IndexSpec[],
  features: ServerFeatures,
): Promise<void> {
  for (const spec of specs) {
    if (!spec.fields.length) throw new InvalidQuery('an index needs at least one field');
    const fields = spec.fields.map((entry) => {
      const descending = entry.startsWith('-');
      const field = descending ? entry.slice(1) : entry;
      assertQueryField(field);
      return { field, descending };
    });
    if (fields.every(({ field }) => field === '_id')) continue; // the primary key already
    const keys: Record<string, 1 | -1> = {};
    for (const { field, descending } of fields) keys[field] = descending ? -1 : 1;
    // Ending with _id lets the index serve find's "sort by field, then _id".
    if (!spec.unique && !('_id' in keys)) keys._id = fields.at(-1)?.descending ? -1 : 1;
    const indexName = `${spec.unique ? 'unique' : 'index'}__${spec.fields.join(',')}`;
    try {
      if (!spec.unique) {
        await collection.createIndex(keys, { name: indexName });
        continue;
      }
      await createUnique(collection, keys, indexName, fields, features);
    } catch (error) {
      if (collisionOf(error) !== null) {
        throw new UniqueViolation(name, `existing documents share values of ${indexName}`);
      }
      throw error;
    }
  }
}

async function createUnique<S extends MongoDocument>(
  collection: Collection<S>,
  keys: Record<string, 1 | -1>,
  indexName: string,
  fields: readonly { field: string }[],
  features: ServerFeatures,
): Promise<void> {
  const options: CreateIndexesOptions = { name: indexName, unique: true };
  if (features.partialIndexes !== false) {
    // $exists, not "$type: non-null": only $exists lets the planner use the index for an
    // equality query. So an explicit null is a value that collides, as on FerretDB.
    const partial: MongoDocument = {};
    for (const { field } of fields) if (field !== '_id') partial[field] = { $exists: true };
    try {
      await collection.createIndex(keys, { ...options, partialFilterExpression: partial });
      features.partialIndexes = true;
      return;
    } catch (error) {
      if (!isNotImplemented(error)) throw error;
      features.partialIndexes = false;
    }
  }
  // FerretDB: a plain unique index already leaves documents without the field out.
  await collection.createIndex(keys, options);
}
