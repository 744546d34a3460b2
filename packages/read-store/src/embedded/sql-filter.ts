// Translates the port's Mongo-shaped filter into SQLite over JSON bodies. Field paths are
// validated and inlined (so expression indexes match); every value is a bound parameter.
import type { SQLInputValue } from 'node:sqlite';
import type { Filter, Scalar } from '../document-store.ts';
import { InvalidQuery } from '../errors.ts';
import { assertFieldPath } from '../query-options.ts';

export interface SqlFragment {
  sql: string;
  params: SQLInputValue[];
}

export interface FilterContext {
  /** The quoted table; queries alias it as `d`. */
  table: string;
  /** Whether the field has expression indexes (then equality is planned as an index lookup). */
  indexed: (field: string) => boolean;
  /** The quoted side table holding the field's array elements, if any (see sqlite-multikey). */
  elements: (field: string) => string | null;
}

/** A test on one JSON value, given SQL for its value and its json type. */
type Predicate = (value: string, type: string) => SqlFragment;

const fragment = (sql: string, ...params: SQLInputValue[]): SqlFragment => ({ sql, params });
const always = fragment('1');
const never = fragment('0');

export const jsonPath = (field: string): string => `'$.${field}'`;
export const valueSql = (field: string): string =>
  field === '_id' ? 'd.id' : `json_extract(d.body, ${jsonPath(field)})`;

function join(parts: readonly SqlFragment[], operator: 'AND' | 'OR'): SqlFragment {
  if (parts.length === 1 && parts[0]) return parts[0];
  return {
    sql: parts.map((part) => `(${part.sql})`).join(` ${operator} `),
    params: parts.flatMap((part) => part.params),
  };
}

export function filterSql(filter: Filter, context: FilterContext): SqlFragment {
  const parts: SqlFragment[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === undefined) continue;
    if (key === '$or' || key === '$and') {
      if (!Array.isArray(condition)) throw new InvalidQuery(`${key} takes a list of filters`);
      const subs = (condition as Filter[]).map((sub) => filterSql(sub, context));
      parts.push(
        subs.length ? join(subs, key === '$or' ? 'OR' : 'AND') : key === '$or' ? never : always,
      );
      continue;
    }
    if (key.startsWith('$')) throw new InvalidQuery(`unknown operator: ${key}`);
    assertFieldPath(key);
    parts.push(fieldSql(key, condition, context));
  }
  return parts.length ? join(parts, 'AND') : always;
}

function fieldSql(field: string, condition: unknown, context: FilterContext): SqlFragment {
  if (isScalar(condition)) return match(field, equals(condition), context, 'equality');
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    throw new InvalidQuery(`invalid condition on ${field}`);
  }
  const parts = Object.entries(condition).map(([operator, operand]) =>
    operatorSql(field, operator, operand, context),
  );
  if (!parts.length) throw new InvalidQuery(`empty condition on ${field}`);
  return join(parts, 'AND');
}

const ranges = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

function operatorSql(field: string, operator: string, operand: unknown, context: FilterContext) {
  const fail = () => new InvalidQuery(`invalid operand of ${operator} on ${field}`);
  switch (operator) {
    case '$eq':
      if (!isScalar(operand)) throw fail();
      return match(field, equals(operand), context, 'equality');
    case '$ne': {
      if (!isScalar(operand)) throw fail();
      const matched = match(field, equals(operand), context, 'equality');
      // coalesce: a missing field is "not equal", and NOT NULL would drop it.
      return fragment(`NOT coalesce(${matched.sql}, 0)`, ...matched.params);
    }
    case '$in':
      if (!Array.isArray(operand) || !operand.every(isScalar)) throw fail();
      return operand.length ? match(field, oneOf(operand), context, 'equality') : never;
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      if (typeof operand !== 'string' && !isFiniteNumber(operand)) throw fail();
      return match(field, compares(ranges[operator], operand), context);
    case '$contains':
      if (typeof operand !== 'string') throw fail();
      return match(field, contains(operand), context);
    case '$exists':
      if (typeof operand !== 'boolean') throw fail();
      if (field === '_id') return operand ? always : never;
      return fragment(`json_type(d.body, ${jsonPath(field)}) IS ${operand ? 'NOT ' : ''}NULL`);
    default:
      throw new InvalidQuery(`unknown operator: ${operator}`);
  }
}

/** The field's value matches, or (for an array) any of its elements does, as in MongoDB. */
function match(
  field: string,
  predicate: Predicate,
  context: FilterContext,
  kind: 'equality' | 'other' = 'other',
): SqlFragment {
  if (field === '_id') return predicate('d.id', "'text'");
  const path = jsonPath(field);
  // Unary + keeps the type guard off the json_type index, which only serves the array branch.
  const scalar = predicate(`json_extract(d.body, ${path})`, `+json_type(d.body, ${path})`);
  const element = predicate('e.value', 'e.type');
  const anyElement =
    `json_type(d.body, ${path}) = 'array' AND ` +
    `EXISTS (SELECT 1 FROM json_each(d.body, ${path}) AS e WHERE ${element.sql})`;
  const params = [...scalar.params, ...element.params];
  if (!context.indexed(field)) return { sql: `(${scalar.sql}) OR (${anyElement})`, params };
  // SQLite plans an OR over expressions as a scan; a union of two index lookups is not one.
  const from = `SELECT d.id FROM ${context.table} AS d WHERE`;
  const elements = kind === 'equality' ? context.elements(field) : null;
  if (!elements) {
    return { sql: `d.id IN (${from} ${scalar.sql} UNION ALL ${from} ${anyElement})`, params };
  }
  // The same test on the multikey rows: their value and type columns are json_each's.
  const keyed = predicate('value', 'type');
  return {
    sql: `d.id IN (${from} ${scalar.sql} UNION ALL SELECT id FROM ${elements} WHERE field = ? AND (${keyed.sql}))`,
    params: [...scalar.params, field, ...keyed.params],
  };
}

function equals(operand: Scalar): Predicate {
  if (operand === null) return (value) => fragment(`${value} IS NULL`);
  if (typeof operand === 'boolean') {
    return (value, type) => fragment(`${value} = ${operand ? 1 : 0} AND ${type} = '${operand}'`);
  }
  return oneOf([operand]);
}

function oneOf(operands: readonly Scalar[]): Predicate {
  const strings = operands.filter((operand) => typeof operand === 'string');
  const numbers = operands.filter(isFiniteNumber);
  if (numbers.length !== operands.filter((operand) => typeof operand === 'number').length) {
    throw new InvalidQuery('numbers in a filter must be finite');
  }
  const others = operands.filter((operand) => operand === null || typeof operand === 'boolean');
  return (value, type) => {
    const parts: SqlFragment[] = [];
    const list = (count: number) => Array.from({ length: count }, () => '?').join(', ');
    if (strings.length) {
      parts.push(
        fragment(`${value} IN (${list(strings.length)}) AND ${type} = 'text'`, ...strings),
      );
    }
    if (numbers.length) {
      const sql = `${value} IN (${list(numbers.length)}) AND ${type} IN ('integer', 'real')`;
      parts.push(fragment(sql, ...numbers));
    }
    for (const other of others) parts.push(equals(other)(value, type));
    return join(parts, 'OR');
  };
}

function compares(operator: string, operand: string | number): Predicate {
  const types = typeof operand === 'string' ? "= 'text'" : "IN ('integer', 'real')";
  return (value, type) => fragment(`${value} ${operator} ? AND ${type} ${types}`, operand);
}

function contains(operand: string): Predicate {
  const pattern = `%${operand.replace(/[\\%_]/g, '\\$&')}%`;
  return (value, type) => fragment(`${type} = 'text' AND ${value} LIKE ? ESCAPE '\\'`, pattern);
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'boolean'].includes(typeof value) || isFiniteNumber(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
