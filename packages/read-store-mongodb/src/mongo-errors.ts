// Reading the server's errors. MongoDB names the index of a duplicate key (keyPattern); FerretDB
// 1.x does not, and reports some unique failures (an update, an index build) as InternalError.
import { MongoServerError } from 'mongodb';

const duplicateKey = 11000;
const internalError = 1;
const notImplemented = 238;

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
  // FerretDB 1.24 passes its backend's error on as text: SQLite's extended code 2067
  // (SQLITE_CONSTRAINT_UNIQUE) or PostgreSQL's SQLSTATE 23505 (unique_violation).
  const backendUnique = /UNIQUE constraint failed|\(2067\)|SQLSTATE 23505/;
  if (error.code === internalError && backendUnique.test(error.message)) return 'unknown';
  return null;
}

export const isNotImplemented = (error: unknown): boolean =>
  error instanceof MongoServerError && error.code === notImplemented;
