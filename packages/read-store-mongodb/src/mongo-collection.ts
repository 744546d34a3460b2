// One port collection = one Mongo collection of { _id, _v, ...fields } (fields at top level so
// the server queries them natively). Every write is a single guarded statement: no transactions.
import {
  encodeCursor,
  InvalidQuery,
  pageRequest,
  UniqueViolation,
  type Collection,
  type Document,
  type Filter,
  type Scalar,
} from '@crm/read-store';
import type { Db, Collection as MongoCollection, Sort } from 'mongodb';
import { collisionOf } from './mongo-errors.ts';
import {
  and,
  assertQueryField,
  deletedField,
  live,
  mongoFilter,
  versionField,
} from './mongo-filter.ts';
import { ensureMongoIndexes, type ServerFeatures } from './mongo-indexes.ts';
import { afterCursor, sortValue } from './mongo-keyset.ts';
import { countByField } from './mongo-count-by.ts';

/** A document as stored: a tombstone keeps `_id` and `_v` and gains `_deleted`. */
export interface StoredDocument {
  _id: string;
  _v: number;
  _deleted?: true;
  [field: string]: unknown;
}

const collectionName = /^[A-Za-z0-9_-]+$/;
export const checkpointsCollection = '_checkpoints';
// A duplicate _id from a concurrent first write is retried; more attempts would hide a bug.
const maxAttempts = 3;

export function mongoCollection<T extends Document>(
  db: Db,
  name: string,
  features: ServerFeatures,
): Collection<T> {
  if (!collectionName.test(name) || name === checkpointsCollection) {
    throw new InvalidQuery(`invalid collection name: ${name}`);
  }
  const documents: MongoCollection<StoredDocument> = db.collection<StoredDocument>(name);
  const storedVersion = async (id: string): Promise<number | null> => {
    const current = await documents.findOne({ _id: id }, { projection: { [versionField]: 1 } });
    return current ? Number(current._v) : null;
  };
  const where = (filter: Filter) => and([live, mongoFilter(filter)]);

  return {
    ensureIndexes: (indexes) => ensureMongoIndexes(documents, name, indexes, features),

    get: async (id) => {
      const stored = await documents.findOne({ _id: id });
      return stored && !stored._deleted ? visible<T>(stored) : null;
    },

    getVersioned: async (id) => {
      const stored = await documents.findOne({ _id: id });
      return stored && !stored._deleted
        ? { doc: visible<T>(stored), version: Number(stored._v) }
        : null;
    },

    put: async (doc, version) => {
      assertWrite(doc, version);
      const replacement: StoredDocument = { ...doc, [versionField]: version };
      for (let attempt = 1; ; attempt++) {
        try {
          // Matches only an older version; otherwise the upsert's insert hits the _id key.
          const guard = { _id: doc._id, [versionField]: { $lt: version } };
          await documents.replaceOne(guard, replacement, { upsert: true });
          return true;
        } catch (error) {
          const collision = collisionOf(error);
          if (collision === null) throw error;
          const current = await storedVersion(doc._id);
          if (current !== null && current >= version) return false;
          // MongoDB names the index; FerretDB does not, so one retry tells a race from a clash.
          const unique = new UniqueViolation(name, `document ${doc._id}`);
          if (collision === 'index') throw unique;
          if (collision === 'id' && attempt >= maxAttempts) throw error;
          if (collision === 'unknown' && attempt >= 2) throw unique;
        }
      }
    },

    delete: async (id, version) => {
      assertWrite({ _id: id }, version);
      const tombstone: StoredDocument = { _id: id, [versionField]: version, [deletedField]: true };
      for (let attempt = 1; ; attempt++) {
        try {
          // One statement: a newer tombstone replaces the document or an older tombstone, or
          // is inserted for an id never seen, so an older put arriving later is ignored.
          const guard = { _id: id, [versionField]: { $lt: version } };
          const before = await documents.findOneAndReplace(guard, tombstone, {
            upsert: true,
            returnDocument: 'before',
          });
          return before !== null && !before._deleted;
        } catch (error) {
          if (collisionOf(error) === null) throw error;
          const current = await storedVersion(id);
          if (current !== null && current >= version) return false;
          if (attempt >= maxAttempts) throw error;
        }
      }
    },

    find: async (filter, options) => {
      const request = pageRequest(options);
      assertQueryField(request.field);
      const after = afterCursor(request);
      const query = and(after ? [where(filter), after] : [where(filter)]);
      const direction = request.direction === 'asc' ? 1 : -1;
      const sort: Sort =
        request.field === '_id'
          ? { _id: direction }
          : { [request.field]: direction, _id: direction };
      const rows = await documents
        .find(query)
        .sort(sort)
        .limit(request.limit + 1)
        .toArray();
      const items = rows.slice(0, request.limit).map((row) => visible<T>(row));
      const last = rows[request.limit - 1];
      if (rows.length <= request.limit || !last) return { items };
      const value: Scalar = request.field === '_id' ? last._id : sortValue(last, request.field);
      return { items, nextCursor: encodeCursor(request, value, last._id) };
    },

    count: async (filter) => documents.countDocuments(where(filter)),

    countBy: async (field, filter) => {
      assertQueryField(field);
      return countByField(documents, field, where(filter));
    },

    clear: async () => {
      await documents.deleteMany({});
    },
  };
}

/** The document as it was put: the adapter's own fields removed. */
function visible<T extends Document>(stored: StoredDocument): T {
  const { _v, _deleted, ...doc } = stored;
  return doc as unknown as T;
}

function assertWrite(doc: Document, version: number): void {
  if (typeof doc._id !== 'string' || doc._id === '') {
    throw new InvalidQuery('a document needs a string _id');
  }
  if (!Number.isSafeInteger(version)) throw new InvalidQuery(`invalid version: ${version}`);
  if (versionField in doc || deletedField in doc) {
    throw new InvalidQuery(`${versionField} and ${deletedField} are reserved field names`);
  }
}
