// Reading the server's errors. MongoDB names the index of a duplicate key (keyPattern); FerretDB
// 1.x does not, and reports some unique failures (an update, an index build) as InternalError.
import { MongoBulkWriteError, MongoServerError } from 'mongodb';

const duplicateKey = 11000;
const internalError = 1;
const notImplemented = 238;
// FerretDB 1.24 passes its backend's error on as text: SQLite's extended code 2067
// (SQLITE_CONSTRAINT_UNIQUE) or PostgreSQL's SQLSTATE 23505 (unique_violation).
const backendUnique = /UNIQUE constraint failed|\(2067\)|SQLSTATE 23505/;
const isBackendUnique = (code: unknown, message: string): boolean =>
  code === internalError && backendUnique.test(message);

/**
 * Which key a write collided on: `_id` (a concurrent or refused insert), another unique `index`,
 * `unknown` when the server does not say (FerretDB), or null when the error is no collision.
 */
export function collisionOf(error: unknown): 'id' | 'index' | 'unknown' | null {
  if (!(error instanceof MongoServerError)) return null;
  if (error.code === duplicateKey) {
    const pattern: unknown = error.keyPattern ?? error.errorResponse.keyPattern;
    if (typeof pattern !== 'object' || pattern === null) return 'unknown';
    const keys = Object.keys(pattern);
    return keys.length === 1 && keys[0] === '_id' ? 'id' : 'index';
  }
  return isBackendUnique(error.code, error.message) ? 'unknown' : null;
}

/**
 * The positions in the batch of the writes that collided on a key (any unique index: the driver
 * drops which one), or null when the bulk write failed otherwise, and so must be rethrown.
 */
export function collidedWrites(error: unknown): number[] | null {
  if (!(error instanceof MongoBulkWriteError)) return null;
  // A network error or a write concern error leaves the outcome of the writes unknown.
  const writeErrors = [error.writeErrors].flat();
  if (!writeErrors.length || error.result.getWriteConcernError()) return null;
  const collided: number[] = [];
  for (const { code, errmsg, index } of writeErrors) {
    if (code !== duplicateKey && !isBackendUnique(code, errmsg ?? '')) return null;
    collided.push(index);
  }
  return collided;
}

export const isNotImplemented = (error: unknown): boolean =>
  error instanceof MongoServerError && error.code === notImplemented;
