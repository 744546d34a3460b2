// Keyset pagination in Mongo terms: the documents strictly after the previous page's last
// (sort value, _id), in the order Mongo sorts them, so a page stays right while documents change.
import { InvalidQuery, type PageRequest, type Scalar } from '@crm/read-store';
import type { Document as MongoDocument } from 'mongodb';
import { isScalar } from './mongo-filter.ts';

// Mongo's sort order across the types a cursor holds: null (and missing) < number < string < bool.
// Comparison operators never cross types, so each later type is reached with $type instead.
const typeOrder = ['null', 'number', 'string', 'bool'] as const;

const rank = (value: Scalar): number =>
  value === null ? 0 : typeof value === 'number' ? 1 : typeof value === 'string' ? 2 : 3;

export function afterCursor(request: PageRequest): MongoDocument | null {
  const after = request.after;
  if (!after) return null;
  const asc = request.direction === 'asc';
  const idAfter = { _id: { [asc ? '$gt' : '$lt']: after.id } };
  if (request.field === '_id') return idAfter;
  const field = request.field;
  const own = rank(after.value);
  // Same value, later _id; `$eq: null` also covers missing, which sorts with null.
  const parts: MongoDocument[] = [{ [field]: { $eq: after.value }, ...idAfter }];
  if (after.value !== null) parts.push({ [field]: { [asc ? '$gt' : '$lt']: after.value } });
  const laterTypes = typeOrder.filter((_, index) => (asc ? index > own : index < own));
  const laterNonNull = laterTypes.filter((type) => type !== 'null');
  if (laterNonNull.length) parts.push({ [field]: { $type: laterNonNull } });
  if (laterTypes.includes('null')) parts.push({ [field]: { $eq: null } });
  return { $or: parts };
}

/** The sort value of a stored document, as the cursor will carry it. */
export function sortValue(doc: MongoDocument, field: string): Scalar {
  let value: unknown = doc;
  for (const segment of field.split('.')) {
    // Mongo sorts by one element of an array; a cursor could not say which one.
    if (Array.isArray(value)) throw new InvalidQuery(`cannot page by ${field}: it holds arrays`);
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[segment];
  }
  if (value === undefined) return null;
  if (!isScalar(value))
    throw new InvalidQuery(`cannot page by ${field}: it holds objects or arrays`);
  return value;
}
