// Keyset pagination in SQL: the rows strictly after the previous page's last (sort value, _id).
import type { PageRequest } from '../query-options.ts';
import type { SqlFragment } from './sql-filter.ts';

/** Rows after the cursor in sort order; NULL sorts first ascending, last descending. */
export function keyset(request: PageRequest, sort: string): SqlFragment | null {
  const after = request.after;
  if (!after) return null;
  const value = typeof after.value === 'boolean' ? Number(after.value) : after.value;
  const asc = request.direction === 'asc';
  if (sort === 'd.id') return { sql: `d.id ${asc ? '>' : '<'} ?`, params: [after.id] };
  if (value === null) {
    return asc
      ? { sql: `${sort} IS NOT NULL OR d.id > ?`, params: [after.id] }
      : { sql: `${sort} IS NULL AND d.id < ?`, params: [after.id] };
  }
  return asc
    ? { sql: `${sort} > ? OR (${sort} = ? AND d.id > ?)`, params: [value, value, after.id] }
    : {
        sql: `${sort} < ? OR ${sort} IS NULL OR (${sort} = ? AND d.id < ?)`,
        params: [value, value, after.id],
      };
}
