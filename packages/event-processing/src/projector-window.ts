// A catch-up window: while a projection is far behind the head (a rebuild, a long backlog), its
// batches write into memory (projector-window-collection.ts) and the window is flushed to the read
// store every `events` events or when it holds more than `documents` documents, so a document that
// many events change is written once per window instead of once per batch, and a fresh rebuild
// writes each document once, as an insert, without reading the store at all.
//
// It relies on what the projector guarantees: events come in log order, every write is guarded by
// a version, and the feed reports a position only after the window holding it is flushed.
import type { Collection, Document, DocumentStore } from '@crm/read-store';
import { WindowCollection, type WindowContext } from './projector-window-collection.ts';

export interface CatchUpWindowOptions {
  /** Events folded in memory before the window is flushed and the checkpoint moves (100,000). */
  events?: number;
  /** Documents kept in memory at most, read or written, across collections (50,000). */
  documents?: number;
}

export const defaultWindow = { events: 100_000, documents: 50_000 } as const;
/** Documents per putMany when the window is flushed: one insert command per chunk on MongoDB. */
const FLUSH_CHUNK = 1_000;
const FRESH_CHUNKS_IN_FLIGHT = 2;
/** In a fresh rebuild, evicted ids are remembered (a miss on them must read the store) up to
 * this many times the document bound; past it the window reads the store on every miss. */
const EVICTED_IDS_PER_DOCUMENT = 4;

export class CatchUpWindow {
  readonly store: DocumentStore;
  readonly #documents: DocumentStore;
  readonly #bounds: { events: number; documents: number };
  readonly #collections = new Map<string, WindowCollection<Document>>();
  /** Ids evicted per collection while fresh: the only ids a miss must look up. */
  readonly #evicted = new Map<string, Set<string>>();
  #evictedCount = 0;
  #fresh: boolean;
  #size = 0;
  #events = 0;
  #lastPosition = 0;
  #flushing: Promise<void> | undefined;

  /**
   * `fresh`: the read model was emptied when this run started from position 0, so an id the window
   * has never seen has no document (every document there is was written by this run).
   */
  constructor(documents: DocumentStore, options: CatchUpWindowOptions & { fresh: boolean }) {
    this.#documents = documents;
    this.#bounds = {
      events: options.events ?? defaultWindow.events,
      documents: options.documents ?? defaultWindow.documents,
    };
    this.#fresh = options.fresh;
    const context: WindowContext = {
      flush: () => this.#flushWrites(),
      absentUnlessSeen: (collection, id) =>
        this.#fresh && !(this.#evicted.get(collection)?.has(id) ?? false),
      grew: (count) => void (this.#size += count),
    };
    this.store = {
      collection: <T extends Document>(name: string): Collection<T> => {
        let collection = this.#collections.get(name);
        if (!collection) {
          collection = new WindowCollection(name, documents.collection<Document>(name), context);
          this.#collections.set(name, collection);
        }
        return collection as unknown as Collection<T>;
      },
      getCheckpoint: (name) => documents.getCheckpoint(name),
      setCheckpoint: (name, position) => documents.setCheckpoint(name, position),
      close: () => documents.close(),
    };
  }

  /** Events handled in the window since it was last closed, and the position of the last. */
  get pending(): { events: number; position: number } {
    return { events: this.#events, position: this.#lastPosition };
  }

  /** Counts a batch handled into the window; answers whether the window should be closed. */
  handled(count: number, lastPosition: number): boolean {
    this.#events += count;
    this.#lastPosition = lastPosition;
    for (const collection of this.#collections.values()) collection.askedAbsent.clear();
    return this.#events >= this.#bounds.events || this.#size > this.#bounds.documents;
  }

  /** Writes everything to the store and starts the next window; answers the events it covered. */
  async close(): Promise<{ events: number; position: number }> {
    const covered = this.pending;
    await this.#flushWrites();
    this.#events = 0;
    if (this.#size > this.#bounds.documents) this.#evict(Math.floor(this.#bounds.documents / 2));
    return covered;
  }

  #flushWrites(): Promise<void> {
    // One flush at a time: a find inside a batch may ask while another flush is running.
    const next = (this.#flushing ?? Promise.resolve()).then(() => this.#writeDirty());
    this.#flushing = next.catch(() => undefined);
    return next;
  }

  async #writeDirty(): Promise<void> {
    for (const collection of this.#collections.values()) {
      const store = this.#documents.collection<Document>(collection.name);
      const dirty = [...collection.entries].filter(([, entry]) => entry.dirty);
      const puts = (fresh: boolean) =>
        dirty.flatMap(([, { doc, version, stored }]) =>
          doc && version !== null && stored !== fresh ? [{ doc, version }] : [],
        );
      // Documents the store cannot hold yet are only inserts: a few chunks at once. The others
      // may update stored documents, which the adapter already spreads over a few statements.
      await eachChunk(puts(true), FRESH_CHUNKS_IN_FLIGHT, (chunk) => store.putMany(chunk));
      await eachChunk(puts(false), 1, (chunk) => store.putMany(chunk));
      for (const [id, { doc, version }] of dirty) {
        if (doc === null && version !== null) await store.delete(id, version);
      }
      for (const [id, entry] of dirty) {
        // Written again while this flush ran: the newer write waits for the next one.
        if (collection.entries.get(id) !== entry) continue;
        entry.stored = true;
        if (entry.known) entry.dirty = false;
        // Written blind: the store's guard decided, so what is stored is not known here.
        else if (collection.entries.delete(id)) this.#size--;
      }
    }
  }

  /**
   * Forgets clean documents until `target` are left: first those only written (rows the
   * projection never reads back), then the least recently used.
   */
  #evict(target: number): void {
    for (const onlyWritten of [true, false]) this.#evictSome(target, onlyWritten);
  }

  #evictSome(target: number, onlyWritten: boolean): void {
    for (const collection of this.#collections.values()) {
      for (const [id, entry] of collection.entries) {
        if (this.#size <= target) return;
        if (entry.dirty || (onlyWritten && entry.read)) continue;
        collection.entries.delete(id);
        this.#size--;
        if (!this.#fresh) continue;
        let evicted = this.#evicted.get(collection.name);
        if (!evicted) this.#evicted.set(collection.name, (evicted = new Set()));
        evicted.add(id);
        if (++this.#evictedCount > this.#bounds.documents * EVICTED_IDS_PER_DOCUMENT) {
          // Too many ids to remember: from now on every miss reads the store.
          this.#fresh = false;
          this.#evicted.clear();
        }
      }
    }
  }
}

async function eachChunk<W>(
  writes: readonly W[],
  inFlight: number,
  write: (chunk: W[]) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < writes.length) {
      const from = next;
      next += FLUSH_CHUNK;
      await write(writes.slice(from, from + FLUSH_CHUNK));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}
