// A port document as stored in Mongo: its fields at the top level (so the server queries them
// natively) plus the adapter's own `_v` (version) and, on a tombstone, `_deleted`.
import { InvalidQuery, type Document } from '@crm/read-store';
import { deletedField, versionField } from './mongo-filter.ts';

/** A document as stored: a tombstone keeps `_id` and `_v` and gains `_deleted`. */
export interface StoredDocument {
  _id: string;
  _v: number;
  _deleted?: true;
  [field: string]: unknown;
}

export const stored = (doc: Document, version: number): StoredDocument => ({
  ...doc,
  [versionField]: version,
});

/** The document as it was put: the adapter's own fields removed. */
export function visible<T extends Document>(stored: StoredDocument): T {
  const { _v, _deleted, ...doc } = stored;
  return doc as unknown as T;
}

export function assertWrite(doc: Document, version: number): void {
  if (typeof doc._id !== 'string' || doc._id === '') {
    throw new InvalidQuery('a document needs a string _id');
  }
  if (!Number.isSafeInteger(version)) throw new InvalidQuery(`invalid version: ${version}`);
  if (versionField in doc || deletedField in doc) {
    throw new InvalidQuery(`${versionField} and ${deletedField} are reserved field names`);
  }
}
