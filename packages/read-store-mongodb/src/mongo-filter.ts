// Translates the port's filter into a MongoDB query run natively by the server. Mongo already has
// the port's semantics (array elements, null = missing, type-bracketed comparisons), so this
// mostly validates: nothing the caller sends reaches the server as an operator it did not mean.
import { assertFieldPath, InvalidQuery, type Filter, type Scalar } from '@crm/read-store';
import type { Document as MongoDocument } from 'mongodb';

/** Fields the adapter stores beside each document: the version and the tombstone flag. */
export const versionField = '_v';
export const deletedField = '_deleted';

/** Only live documents: tombstones keep their version but are never found. */
export const live: MongoDocument = { [deletedField]: { $exists: false } };
const nothing: MongoDocument = { _id: { $in: [] } };
const everything: MongoDocument = {};

/** A field a query may name: a valid path that is not one of the adapter's own fields. */
export function assertQueryField(field: string): void {
  assertFieldPath(field);
  const root = field.split('.')[0];
  if (root === versionField || root === deletedField) {
    throw new InvalidQuery(`reserved field name: ${JSON.stringify(field)}`);
  }
}

export function mongoFilter(filter: Filter): MongoDocument {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new InvalidQuery('a filter is an object');
  }
  const parts: MongoDocument[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === undefined) continue;
    if (key === '$or' || key === '$and') {
      if (!Array.isArray(condition)) throw new InvalidQuery(`${key} takes a list of filters`);
      const subs = (condition as Filter[]).map(mongoFilter);
      // Mongo refuses an empty $or/$and; the port reads them as "nothing" and "everything".
      if (!subs.length) parts.push(key === '$or' ? nothing : everything);
      else parts.push(subs.length === 1 && subs[0] ? subs[0] : { [key]: subs });
      continue;
    }
    if (key.startsWith('$')) throw new InvalidQuery(`unknown operator: ${key}`);
    assertQueryField(key);
    parts.push(fieldFilter(key, condition));
  }
  return and(parts);
}

/** ANDs queries; a list keeps two conditions on the same field from overwriting each other. */
export function and(parts: readonly MongoDocument[]): MongoDocument {
  const meaningful = parts.filter((part) => Object.keys(part).length > 0);
  if (meaningful.length === 0) return everything;
  if (meaningful.length === 1 && meaningful[0]) return meaningful[0];
  return { $and: meaningful };
}

function fieldFilter(field: string, condition: unknown): MongoDocument {
  if (isScalar(condition)) return { [field]: { $eq: condition } };
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    throw new InvalidQuery(`invalid condition on ${field}`);
  }
  const entries = Object.entries(condition);
  if (!entries.length) throw new InvalidQuery(`empty condition on ${field}`);
  // Several operators on one field are ANDed, as in Mongo; $exists on _id is decided here.
  return and(entries.map(([operator, operand]) => operatorFilter(field, operator, operand)));
}

function operatorFilter(field: string, operator: string, operand: unknown): MongoDocument {
  const fail = () => new InvalidQuery(`invalid operand of ${operator} on ${field}`);
  switch (operator) {
    case '$eq':
    case '$ne':
      if (!isScalar(operand)) throw fail();
      return { [field]: { [operator]: operand } };
    case '$in':
      if (!Array.isArray(operand) || !operand.every(isScalar)) throw fail();
      return { [field]: { $in: operand } };
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      // Mongo compares only within a type, so a string bound never matches numbers.
      if (typeof operand !== 'string' && !isFiniteNumber(operand)) throw fail();
      return { [field]: { [operator]: operand } };
    case '$contains':
      if (typeof operand !== 'string') throw fail();
      return { [field]: { $regex: escapeRegex(operand), $options: 'i' } };
    case '$exists':
      if (typeof operand !== 'boolean') throw fail();
      if (field === '_id') return operand ? everything : nothing;
      return { [field]: { $exists: operand } };
    default:
      throw new InvalidQuery(`unknown operator: ${operator}`);
  }
}

export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'boolean'].includes(typeof value) || isFiniteNumber(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
