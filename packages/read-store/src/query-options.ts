// What every adapter does the same way with a query's field names, limit and cursor, so pages
// and errors look alike whatever the engine.
import type { FindOptions, Scalar } from './document-store.ts';
import { InvalidQuery } from './errors.ts';

export const defaultLimit = 50;
export const maxLimit = 1000;

// Letters, digits and _ in dot-separated segments: nothing an engine could read as an operator.
const fieldPath = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function assertFieldPath(field: string): void {
  if (!fieldPath.test(field))
    throw new InvalidQuery(`invalid field name: ${JSON.stringify(field)}`);
}

export interface PageRequest {
  field: string;
  direction: 'asc' | 'desc';
  limit: number;
  /** The sort value and _id of the last item of the previous page. */
  after: { value: Scalar; id: string } | null;
}

interface CursorBody {
  f: string;
  d: 'asc' | 'desc';
  v: Scalar;
  i: string;
}

export function pageRequest(options: FindOptions = {}): PageRequest {
  const field = options.sort?.field ?? '_id';
  const direction = options.sort?.direction ?? 'asc';
  assertFieldPath(field);
  if (direction !== 'asc' && direction !== 'desc') {
    throw new InvalidQuery(`invalid sort direction: ${String(direction)}`);
  }
  const requested = options.limit ?? defaultLimit;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new InvalidQuery(`invalid limit: ${requested}`);
  }
  const limit = Math.min(requested, maxLimit);
  if (options.cursor === undefined) return { field, direction, limit, after: null };
  const body = decodeCursor(options.cursor);
  if (body.f !== field || body.d !== direction) {
    throw new InvalidQuery('the cursor belongs to another sort');
  }
  return { field, direction, limit, after: { value: body.v, id: body.i } };
}

export function encodeCursor(request: PageRequest, value: Scalar, id: string): string {
  const body: CursorBody = { f: request.field, d: request.direction, v: value, i: id };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decodeCursor(cursor: string): CursorBody {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidQuery('invalid cursor');
  }
  const candidate = body as Partial<CursorBody> | null;
  const value: unknown = candidate?.v;
  if (
    typeof candidate?.f !== 'string' ||
    (candidate.d !== 'asc' && candidate.d !== 'desc') ||
    typeof candidate.i !== 'string' ||
    !(value === null || ['string', 'number', 'boolean'].includes(typeof value))
  ) {
    throw new InvalidQuery('invalid cursor');
  }
  return { f: candidate.f, d: candidate.d, v: value as Scalar, i: candidate.i };
}
