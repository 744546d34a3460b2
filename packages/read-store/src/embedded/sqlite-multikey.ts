// A multikey index, as in MongoDB: the scalar elements of each array value of an indexed field,
// one row each in a side table `m_<collection>` (field, type, value, id), so an equality on an
// array field is an index lookup there instead of a json_each over every document.
// Triggers on the document table keep it in step: they run inside the statement that writes the
// document (so in its transaction), and every connection obeys them, even one that never called
// ensureIndexes or one opened by an older version of this adapter.
import type { SqliteConnection } from './sqlite-connection.ts';

export interface Multikey {
  /** The quoted side table when it keeps `field`'s array elements, else null. */
  elements(field: string): string | null;
  /** Starts keeping `field`'s array elements, backfilled from the documents already stored. */
  add(field: string): void;
  /** Empties the side table; run with the clear of the documents, in its transaction. */
  clear(): void;
}

/** Which fields of which collection the side tables keep: the triggers read it on every write. */
const registry = 'multikey_fields';

export function sqliteMultikey(
  db: SqliteConnection,
  collection: string,
  documents: string,
): Multikey {
  const table = `"m_${collection}"`;
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${registry} ` +
      '(collection TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (collection, field)) STRICT',
  );
  // Fields another connection adds later are not read here: lookups on them keep json_each.
  const kept = new Set(
    db
      .all(`SELECT field FROM ${registry} WHERE collection = ?`, [collection])
      .map((row) => String(row.field)),
  );

  return {
    elements: (field) => (kept.has(field) ? table : null),

    add: (field) => {
      if (kept.has(field)) return;
      db.transaction(() => {
        createTable();
        const sql = `INSERT OR IGNORE INTO ${registry} (collection, field) VALUES (?, ?)`;
        if (db.run(sql, [collection, field]) === 0) return; // another connection kept it already
        const path = `'$.' || ?`;
        db.run(
          `INSERT INTO ${table} (field, type, value, id) ` +
            `SELECT ?, e.type, e.value, d.id FROM ${documents} AS d, json_each(d.body, ${path}) AS e ` +
            `WHERE json_type(d.body, ${path}) = 'array' AND ${scalarElement}`,
          [field, field, field],
        );
      });
      kept.add(field);
    },

    clear: () => {
      // Ahead of the documents' DELETE, its per-row trigger then finds nothing left to remove.
      const sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
      if (db.get(sql, [`m_${collection}`])) db.run(`DELETE FROM ${table}`);
    },
  };

  function createTable(): void {
    const name = (suffix: string) => `"m_${collection}__${suffix}"`;
    // In a STRICT table ANY keeps each value's storage class ('1' stays text, 1 an integer).
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} ` +
        '(field TEXT NOT NULL, type TEXT NOT NULL, value ANY, id TEXT NOT NULL) STRICT',
    );
    // Ends with id so a lookup never reads the table itself.
    db.exec(
      `CREATE INDEX IF NOT EXISTS ${name('lookup')} ON ${table} (field, value, type, id);` +
        `CREATE INDEX IF NOT EXISTS ${name('id')} ON ${table} (id);`,
    );
    const insertNew =
      `INSERT INTO ${table} (field, type, value, id) ` +
      `SELECT k.field, e.type, e.value, new.id FROM ${registry} AS k, ` +
      `json_each(new.body, '$.' || k.field) AS e WHERE k.collection = '${collection}' ` +
      `AND json_type(new.body, '$.' || k.field) = 'array' AND ${scalarElement};`;
    const removeOld = `DELETE FROM ${table} WHERE id = old.id;`;
    db.exec(
      `CREATE TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON ${documents} ` +
        `BEGIN ${insertNew} END;` +
        // A put that replaces the body, and a delete that leaves a tombstone (body NULL).
        `CREATE TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE OF body ON ${documents} ` +
        `BEGIN ${removeOld} ${insertNew} END;` +
        `CREATE TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON ${documents} ` +
        `BEGIN ${removeOld} END;`,
    );
  }
}

// An equality on a scalar never matches an element that is itself an object or an array.
const scalarElement = "e.type NOT IN ('object', 'array')";
