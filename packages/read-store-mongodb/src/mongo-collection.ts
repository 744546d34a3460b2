// One port collection = one Mongo collection of { _id, _v, ...fields } (fields at top level so
// the server queries them natively). Writes are guarded statements (see mongo-put.ts), never
// transactions, which FerretDB does not have.
import {
  encodeCursor,
  InvalidQuery,
  pageRequest,
  type Collection,
  type Document,
  type Filter,
  type Scalar,
  type Versioned,
} from '@crm/read-store';
import type { Db, Collection as MongoCollection, Sort } from 'mongodb';
import { countByField } from './mongo-count-by.ts';
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
import { findLive, storedVersion } from './mongo-lookup.ts';
import { putDocument, putDocuments } from './mongo-put.ts';
import { assertWrite, visible, type StoredDocument } from './mongo-stored-document.ts';

const collectionName = /^[A-Za-z0-9_-]+$/;
export const checkpointsCollection = '_checkpoints';
// A duplicate _id from a concurrent first delete is retried; more attempts would hide a bug.
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

    put: (doc, version) => putDocument(documents, name, doc, version),

    putMany: (writes) => putDocuments(documents, name, writes),

    getManyVersioned: async (ids) => {
      const found = new Map<string, Versioned<T>>();
      for (const row of await findLive(documents, ids, features)) {
        found.set(row._id, { doc: visible<T>(row), version: Number(row._v) });
      }
      return found;
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
          const current = await storedVersion(documents, id);
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
