// The read-model port: collections of JSON documents keyed by `_id`, written by projections and
// read by queries. Adapters: embedded (here, SQLite) and MongoDB (also on FerretDB: no
// transactions, no change streams). Every adapter passes `describeDocumentStoreContract`.
//
// Idempotence is the port's job, not the projection's: every write carries the version of the
// source that produced it (an aggregate revision or a global position) and is ignored when the
// stored document already has that version or a later one. So a replayed event changes nothing.

export type Scalar = string | number | boolean | null;

/**
 * A small, Mongo-shaped filter that every adapter can run natively. An equality on a field that
 * holds an array matches when any element equals the value (as in MongoDB). Dotted paths reach
 * into nested objects ("address.province").
 */
export type FieldCondition =
  | Scalar
  | { $eq: Scalar }
  | { $ne: Scalar }
  | { $in: readonly Scalar[] }
  | { $gt: string | number }
  | { $gte: string | number }
  | { $lt: string | number }
  | { $lte: string | number }
  /** Case-insensitive substring match on a string field (or any element of a string array). */
  | { $contains: string }
  | { $exists: boolean };

export type Filter = { [field: string]: FieldCondition | readonly Filter[] | undefined } & {
  $or?: readonly Filter[];
  $and?: readonly Filter[];
};

export interface Document {
  _id: string;
  [field: string]: unknown;
}

/** Stored next to each document by the adapter; never part of what queries return. */
export interface Versioned<T extends Document> {
  doc: T;
  /** The version that produced this state of the document. */
  version: number;
}

export interface FindOptions {
  /** One field to sort by; ties broken by _id in the same direction. Default: _id ascending. */
  sort?: { field: string; direction: 'asc' | 'desc' };
  /** Default 50, at most 1000. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Present when there may be more; pass as `cursor` to get the next page. */
  nextCursor?: string;
}

export interface IndexSpec {
  /** Fields in order; '-field' for descending. */
  fields: readonly string[];
  unique?: boolean;
}

export interface Collection<T extends Document> {
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>;
  get(id: string): Promise<T | null>;
  getVersioned(id: string): Promise<Versioned<T> | null>;
  /**
   * Writes the whole document if the stored version is lower than `version` (or there is none).
   * Answers whether it wrote.
   */
  put(doc: T, version: number): Promise<boolean>;
  /**
   * Many puts at once (each guarded by its own version exactly as put), in as few round trips or
   * commits as the engine allows: one transaction on SQLite, one unordered bulkWrite on MongoDB.
   * Answers how many documents were written. Ids must be distinct within one call.
   */
  putMany(writes: readonly { doc: T; version: number }[]): Promise<number>;
  /** The live documents of these ids with their versions, in one query; absent ids are left out. */
  getManyVersioned(ids: readonly string[]): Promise<Map<string, Versioned<T>>>;
  /** Removes the document if the stored version is lower than `version`. Answers whether it did. */
  delete(id: string, version: number): Promise<boolean>;
  find(filter: Filter, options?: FindOptions): Promise<Page<T>>;
  count(filter: Filter): Promise<number>;
  /** Counts of documents by the value of one field (array fields count each element). */
  countBy(field: string, filter: Filter): Promise<{ value: Scalar; count: number }[]>;
  /** Removes every document (for rebuilds). */
  clear(): Promise<void>;
}

export interface DocumentStore {
  collection<T extends Document>(name: string): Collection<T>;
  /** Durable checkpoints of projections, kept with the read models they describe. */
  getCheckpoint(name: string): Promise<number | null>;
  setCheckpoint(name: string, position: number): Promise<void>;
  close(): Promise<void>;
}
