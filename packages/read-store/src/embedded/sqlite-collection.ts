// One collection = one table (id, version, body), plus the multikey table of its indexed fields'
// array elements (sqlite-multikey.ts). A delete leaves a tombstone (body NULL) that keeps its
// version, so a replayed older put cannot bring the document back; clear() drops them.
import type { Collection, Document, Filter, IndexSpec, Scalar } from '../document-store.ts';
import { InvalidQuery, UniqueViolation } from '../errors.ts';
import { assertFieldPath, encodeCursor, pageRequest } from '../query-options.ts';
import { filterSql, jsonPath, valueSql, type FilterContext } from './sql-filter.ts';
import { keyset } from './sql-keyset.ts';
import { liveVersions, putEach } from './sqlite-batch.ts';
import { sqliteMultikey } from './sqlite-multikey.ts';
import {
  attempt,
  isSqliteUniqueError,
  type Row,
  type SqliteConnection,
} from './sqlite-connection.ts';

const collectionName = /^[A-Za-z0-9_-]+$/;
const typeIndexInfix = '__type__';

export function sqliteCollection<T extends Document>(
  db: SqliteConnection,
  name: string,
): Collection<T> {
  if (!collectionName.test(name)) throw new InvalidQuery(`invalid collection name: ${name}`);
  const tableName = `c_${name}`;
  const table = `"${tableName}"`;
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${table} ` +
      '(id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT) STRICT',
  );
  const indexedFields = new Set(
    db
      .all("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", [tableName])
      .map((row) => String(row.name))
      .filter((index) => index.startsWith(tableName + typeIndexInfix))
      .map((index) => index.slice(tableName.length + typeIndexInfix.length)),
  );
  const multikey = sqliteMultikey(db, name, table);
  const context: FilterContext = {
    table,
    indexed: (field) => indexedFields.has(field),
    elements: (field) => multikey.elements(field),
  };
  const where = (filter: Filter) => {
    const sql = filterSql(filter, context);
    return { sql: `d.body IS NOT NULL AND (${sql.sql})`, params: sql.params };
  };
  const unique = <R>(work: () => R): R => {
    try {
      return work();
    } catch (error) {
      if (isSqliteUniqueError(error)) throw new UniqueViolation(name, (error as Error).message);
      throw error;
    }
  };
  const putSql =
    `INSERT INTO ${table} (id, version, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE ` +
    `SET version = excluded.version, body = excluded.body WHERE version < excluded.version`;
  const putOne = (doc: T, version: number): boolean => {
    assertWrite(doc._id, version);
    return unique(() => db.run(putSql, [doc._id, version, JSON.stringify(doc)])) > 0;
  };

  return {
    ensureIndexes: (indexes) =>
      attempt(() => indexes.forEach((spec) => unique(() => ensure(spec)))),

    get: (id) =>
      attempt(() => {
        const row = db.get(`SELECT body FROM ${table} WHERE id = ? AND body IS NOT NULL`, [id]);
        return row ? (JSON.parse(String(row.body)) as T) : null;
      }),

    getVersioned: (id) =>
      attempt(() => {
        const sql = `SELECT body, version FROM ${table} WHERE id = ? AND body IS NOT NULL`;
        const row = db.get(sql, [id]);
        return row
          ? { doc: JSON.parse(String(row.body)) as T, version: Number(row.version) }
          : null;
      }),

    put: (doc, version) => attempt(() => putOne(doc, version)),

    putMany: (writes) => attempt(() => putEach(db, writes, putOne)),

    getManyVersioned: (ids) => attempt(() => liveVersions<T>(db, table, ids)),

    delete: (id, version) =>
      attempt(() => {
        assertWrite(id, version);
        const removeSql = `UPDATE ${table} SET version = ?, body = NULL WHERE id = ? AND version < ? AND body IS NOT NULL`;
        if (db.run(removeSql, [version, id, version]) > 0) return true;
        // Nothing live to remove: still record the delete, so an older put arriving later is ignored.
        const tombstoneSql =
          `INSERT INTO ${table} (id, version, body) VALUES (?, ?, NULL) ON CONFLICT (id) DO UPDATE ` +
          `SET version = excluded.version WHERE version < excluded.version AND body IS NULL`;
        db.run(tombstoneSql, [id, version]);
        return false;
      }),

    find: (filter, options) =>
      attempt(() => {
        const request = pageRequest(options);
        const condition = where(filter);
        const sort = valueSql(request.field);
        const after = keyset(request, sort);
        const direction = request.direction === 'asc' ? 'ASC' : 'DESC';
        const sql =
          `SELECT d.id AS id, d.body AS body, ${sort} AS sort FROM ${table} AS d ` +
          `WHERE ${condition.sql}${after ? ` AND (${after.sql})` : ''} ` +
          `ORDER BY ${sort} ${direction}, d.id ${direction} LIMIT ?`;
        const params = [...condition.params, ...(after?.params ?? []), request.limit + 1];
        const rows = db.all(sql, params);
        const items = rows.slice(0, request.limit).map((row) => JSON.parse(String(row.body)) as T);
        const last = rows[request.limit - 1];
        if (rows.length <= request.limit || !last) return { items };
        return { items, nextCursor: encodeCursor(request, last.sort as Scalar, String(last.id)) };
      }),

    count: (filter) =>
      attempt(() => {
        const condition = where(filter);
        const row = db.get(`SELECT count(*) AS n FROM ${table} AS d WHERE ${condition.sql}`, [
          ...condition.params,
        ]);
        return Number(row?.n ?? 0);
      }),

    countBy: (field, filter) =>
      attempt(() => {
        assertFieldPath(field);
        const condition = where(filter);
        // json_each yields one row for a scalar, one per element for an array, none when missing.
        const sql =
          field === '_id'
            ? `SELECT d.id AS value, 'text' AS type, count(*) AS n FROM ${table} AS d WHERE ${condition.sql} GROUP BY d.id`
            : `SELECT g.value AS value, g.type AS type, count(*) AS n FROM ${table} AS d ` +
              `LEFT JOIN json_each(d.body, ${jsonPath(field)}) AS g WHERE ${condition.sql} GROUP BY g.value, g.type`;
        return groupCounts(db.all(sql, [...condition.params]));
      }),

    clear: () =>
      attempt(() =>
        db.transaction(() => {
          multikey.clear();
          db.run(`DELETE FROM ${table}`);
        }),
      ),
  };

  function ensure(spec: IndexSpec): void {
    if (!spec.fields.length) throw new InvalidQuery('an index needs at least one field');
    const fields = spec.fields.map((entry) => {
      const descending = entry.startsWith('-');
      const field = descending ? entry.slice(1) : entry;
      assertFieldPath(field);
      return { field, descending };
    });
    if (fields.every(({ field }) => field === '_id')) return; // the primary key already
    const columns = fields.map(({ field, descending }) => {
      const column = field === '_id' ? 'id' : `json_extract(body, ${jsonPath(field)})`;
      return descending ? `${column} DESC` : column;
    });
    // Ending with id lets the index serve find's "ORDER BY field, _id" (not for unique indexes).
    if (!spec.unique) columns.push(fields.at(-1)?.descending ? 'id DESC' : 'id');
    const indexName = `${tableName}__${spec.unique ? 'unique' : 'index'}__${spec.fields.join(',')}`;
    db.exec(
      `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${indexName}" ` +
        `ON ${table} (${columns.join(', ')})`,
    );
    for (const { field } of fields) {
      if (field === '_id') continue;
      multikey.add(field);
      if (indexedFields.has(field)) continue;
      // Lets an equality find array fields through an index too (see sql-filter's match).
      const typeIndex = `"${tableName}${typeIndexInfix}${field}"`;
      db.exec(
        `CREATE INDEX IF NOT EXISTS ${typeIndex} ON ${table} (json_type(body, ${jsonPath(field)}))`,
      );
      indexedFields.add(field);
    }
  }
}

function assertWrite(id: unknown, version: number): void {
  if (typeof id !== 'string' || id === '') throw new InvalidQuery('a document needs a string _id');
  if (!Number.isSafeInteger(version)) throw new InvalidQuery(`invalid version: ${version}`);
}

function groupCounts(rows: Row[]): { value: Scalar; count: number }[] {
  const counts = new Map<Scalar, number>();
  for (const row of rows) {
    const value = row.type === 'true' ? true : row.type === 'false' ? false : (row.value as Scalar);
    counts.set(value ?? null, (counts.get(value ?? null) ?? 0) + Number(row.n));
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}
