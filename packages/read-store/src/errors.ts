// Errors every read-store adapter throws, with stable codes that services map to HTTP (409, 400).

/** A put (or a new unique index) would give two documents the same value of a unique index. */
export class UniqueViolation extends Error {
  readonly code = 'UNIQUE_VIOLATION';
  readonly collection: string;
  constructor(collection: string, detail: string) {
    super(`unique index violated in ${collection}: ${detail}`);
    this.name = 'UniqueViolation';
    this.collection = collection;
  }
}

/** A filter, field name, sort or cursor that the store cannot run. */
export class InvalidQuery extends Error {
  readonly code = 'INVALID_QUERY';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidQuery';
  }
}

const hasCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

export const isUniqueViolation = (error: unknown): error is UniqueViolation =>
  hasCode(error, 'UNIQUE_VIOLATION');

export const isInvalidQuery = (error: unknown): error is InvalidQuery =>
  hasCode(error, 'INVALID_QUERY');
