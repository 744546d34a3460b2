// Guarded writes of whole documents. put is one statement; putMany is one unordered insertMany
// (a batch of new documents is one round trip), then a guarded put of each write whose id was
// stored already, a few in flight (a stale one costs put two statements: rare, on replays).
//
// Not one bulk of replaceOne: FerretDB 1.24 holds a pooled PostgreSQL connection for each
// statement of an update command that matches a document until the whole command ends, so ~50
// of them deadlock the server for every client; it also stops at the first error and then
// reports neither the right index nor the counts. Its insert command has none of these faults.
import { InvalidQuery, isUniqueViolation, UniqueViolation, type Document } from '@crm/read-store';
import type { Collection as MongoCollection } from 'mongodb';
import { collidedWrites, collisionOf } from './mongo-errors.ts';
import { versionField } from './mongo-filter.ts';
import { storedVersion } from './mongo-lookup.ts';
import { assertWrite, stored, type StoredDocument } from './mongo-stored-document.ts';

interface Write {
  doc: Document;
  version: number;
}

// A duplicate _id from a concurrent first write is retried; more attempts would hide a bug.
const maxAttempts = 3;
// FerretDB 1.24 holds two of its 50 pooled connections per update that matches a document, and
// deadlocks past ~25 at once (server-wide); a few per call leaves room for other writers.
const putsInFlight = 4;

export async function putDocument(
  documents: MongoCollection<StoredDocument>,
  name: string,
  doc: Document,
  version: number,
): Promise<boolean> {
  assertWrite(doc, version);
  for (let attempt = 1; ; attempt++) {
    try {
      // Matches only an older version; otherwise the upsert's insert hits the _id key.
      const guard = { _id: doc._id, [versionField]: { $lt: version } };
      await documents.replaceOne(guard, stored(doc, version), { upsert: true });
      return true;
    } catch (error) {
      const collision = collisionOf(error);
      if (collision === null) throw error;
      const current = await storedVersion(documents, doc._id);
      if (current !== null && current >= version) return false;
      // MongoDB names the index; FerretDB does not, so one retry tells a race from a clash.
      const unique = new UniqueViolation(name, `document ${doc._id}`);
      if (collision === 'index') throw unique;
      if (collision === 'id' && attempt >= maxAttempts) throw error;
      if (collision === 'unknown' && attempt >= 2) throw unique;
    }
  }
}

/** Answers how many writes it made. After a UNIQUE_VIOLATION the batch's other writes are made. */
export async function putDocuments(
  documents: MongoCollection<StoredDocument>,
  name: string,
  writes: readonly Write[],
): Promise<number> {
  if (!writes.length) return 0;
  assertDistinctIds(writes);
  for (const { doc, version } of writes) assertWrite(doc, version);
  const collided = await insertNew(documents, writes);
  let written = writes.length - collided.length;
  let violation: UniqueViolation | undefined;
  await eachInFlight(collided, putsInFlight, async ({ doc, version }) => {
    try {
      if (await putDocument(documents, name, doc, version)) written++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      violation ??= error;
    }
  });
  if (violation) throw violation;
  return written;
}

/** Inserts every write; answers those whose insert hit a key (stored already, or a clash). */
async function insertNew(
  documents: MongoCollection<StoredDocument>,
  writes: readonly Write[],
): Promise<Write[]> {
  try {
    const all = writes.map(({ doc, version }) => stored(doc, version));
    await documents.insertMany(all, { ordered: false });
    return [];
  } catch (error) {
    const collided = collidedWrites(error);
    if (collided === null) throw error;
    return collided.flatMap((index) => writes[index] ?? []);
  }
}

function assertDistinctIds(writes: readonly Write[]): void {
  const seen = new Set<unknown>();
  for (const { doc } of writes) {
    if (seen.has(doc._id)) throw new InvalidQuery(`_id ${doc._id} appears twice in one putMany`);
    seen.add(doc._id);
  }
}

/** Runs `work` over the items, `limit` at a time; after a failure it starts no more. */
async function eachInFlight<I>(
  items: readonly I[],
  limit: number,
  work: (item: I) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as I;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
