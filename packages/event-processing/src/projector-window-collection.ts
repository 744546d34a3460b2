// One collection as a catch-up window sees it: the documents the window has read or written, kept
// in memory, in front of the real collection. Writes stay here until the window is flushed, so a
// document that many events of the window change is written once. Reads the window cannot answer
// from memory (find, count, countBy) flush it first, so they see every write made before them.
import { InvalidQuery, type Collection, type Document, type Versioned } from '@crm/read-store';

/** What the window knows of one id. */
export interface WindowEntry {
  /** The live document; null when there is none (never written, or deleted). */
  doc: Document | null;
  /** The version of that state; null when no version is known (nothing stored, or unknown). */
  version: number | null;
  /** Written in the window and not yet flushed. */
  dirty: boolean;
  /**
   * The state is the stored one (or the outcome of our writes onto it). False when the window
   * wrote without knowing what was stored: the store's guard then decides, and the entry is
   * forgotten after the flush.
   */
  known: boolean;
  /** The store may hold something for this id; false only when the window knows it holds nothing. */
  stored: boolean;
  /** Read by the projection (a folded document, read again later), not only written (a row). */
  read: boolean;
}

/** The window-wide parts a collection needs: the flush, and whether a miss means "absent". */
export interface WindowContext {
  /** Writes every dirty entry of every collection to the store. */
  flush(): Promise<void>;
  /** True when every document that exists was written by this window's run (a fresh rebuild). */
  absentUnlessSeen(collection: string, id: string): boolean;
  /** Tells the window an entry was added, for its memory bound. */
  grew(count: number): void;
}

export class WindowCollection<T extends Document> implements Collection<T> {
  readonly name: string;
  readonly entries = new Map<string, WindowEntry>();
  /** Ids read as absent in the current batch: a write to them next is of a folded document. */
  readonly askedAbsent = new Set<string>();
  readonly #store: Collection<T>;
  readonly #window: WindowContext;

  constructor(name: string, store: Collection<T>, window: WindowContext) {
    this.name = name;
    this.#store = store;
    this.#window = window;
  }

  ensureIndexes: Collection<T>['ensureIndexes'] = (indexes) => this.#store.ensureIndexes(indexes);

  async get(id: string): Promise<T | null> {
    return (await this.getVersioned(id))?.doc ?? null;
  }

  async getVersioned(id: string): Promise<Versioned<T> | null> {
    return (await this.getManyVersioned([id])).get(id) ?? null;
  }

  async getManyVersioned(ids: readonly string[]): Promise<Map<string, Versioned<T>>> {
    const found = new Map<string, Versioned<T>>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const entry = this.#lookup(id);
      if (entry === undefined) missing.push(id);
      else if (!this.entries.has(id)) this.askedAbsent.add(id);
      else {
        entry.read = true;
        if (entry.doc !== null && entry.version !== null) {
          found.set(id, { doc: entry.doc as T, version: entry.version });
        }
      }
    }
    if (missing.length === 0) return found;
    const stored = await this.#store.getManyVersioned(missing);
    for (const id of missing) {
      // A write made while the read was in flight is newer than what the store answered.
      const current = this.entries.get(id);
      if (current !== undefined) {
        if (current.doc !== null && current.version !== null) {
          found.set(id, { doc: current.doc as T, version: current.version });
        }
        continue;
      }
      const versioned = stored.get(id);
      // Not found may still be a tombstone, whose version the port does not tell: unknown.
      this.#remember(id, {
        doc: versioned?.doc ?? null,
        version: versioned?.version ?? null,
        dirty: false,
        known: versioned !== undefined,
        stored: true,
        read: true,
      });
      if (versioned) found.set(id, versioned);
    }
    return found;
  }

  // A refused write rejects, as the store's does, rather than throwing at the call.
  put(doc: T, version: number): Promise<boolean> {
    return Promise.resolve().then(() => this.#put(doc, version));
  }

  putMany(writes: readonly { doc: T; version: number }[]): Promise<number> {
    return Promise.resolve().then(() => {
      const ids = new Set<string>();
      for (const { doc } of writes) {
        if (ids.has(doc._id)) throw new InvalidQuery(`_id ${doc._id} appears twice in one putMany`);
        ids.add(doc._id);
      }
      return writes.reduce(
        (written, { doc, version }) => written + (this.#put(doc, version) ? 1 : 0),
        0,
      );
    });
  }

  async delete(id: string, version: number): Promise<boolean> {
    assertVersion(version);
    await this.getVersioned(id); // rare in projections: worth a read to answer exactly
    const entry = this.entries.get(id) ?? absent();
    if (entry.version !== null && entry.version >= version) return false;
    this.#remember(id, { ...entry, doc: null, version, dirty: true });
    return entry.doc !== null;
  }

  find: Collection<T>['find'] = async (filter, options) => {
    await this.#window.flush();
    return this.#store.find(filter, options);
  };

  count: Collection<T>['count'] = async (filter) => {
    await this.#window.flush();
    return this.#store.count(filter);
  };

  countBy: Collection<T>['countBy'] = async (field, filter) => {
    await this.#window.flush();
    return this.#store.countBy(field, filter);
  };

  async clear(): Promise<void> {
    await this.#window.flush();
    this.entries.clear();
    await this.#store.clear();
  }

  /**
   * Guarded like the store's put, against what the window knows. A write to an id the window has
   * not read is made blind and answered true: the store's guard decides when it is flushed.
   */
  #put(doc: T, version: number): boolean {
    if (typeof doc._id !== 'string' || doc._id === '') {
      throw new InvalidQuery('a document needs a string _id');
    }
    assertVersion(version);
    const entry = this.#lookup(doc._id);
    if (entry?.version != null && entry.version >= version) return false;
    const { known = false, stored = true } = entry ?? {};
    const read = (entry?.read ?? false) || this.askedAbsent.has(doc._id);
    this.#remember(doc._id, { doc, version, dirty: true, known, stored, read });
    return true;
  }

  #lookup(id: string): WindowEntry | undefined {
    const entry = this.entries.get(id);
    if (entry !== undefined) return entry;
    return this.#window.absentUnlessSeen(this.name, id) ? absent() : undefined;
  }

  /** Stores the entry as the most recently used (eviction takes the oldest first). */
  #remember(id: string, entry: WindowEntry): void {
    const added = !this.entries.delete(id);
    this.entries.set(id, entry);
    if (added) this.#window.grew(1);
  }
}

const absent = (): WindowEntry => ({
  doc: null,
  version: null,
  dirty: false,
  known: true,
  stored: false,
  read: false,
});

function assertVersion(version: number): void {
  if (!Number.isSafeInteger(version)) throw new InvalidQuery(`invalid version: ${version}`);
}
