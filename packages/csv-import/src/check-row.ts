// One data row, checked without I/O: every cell under a named column, UTF-8, then the same zod
// schema as the service's create route (so the rules cannot drift), every bad field named.
import type { z } from 'zod';

export interface RowError {
  /** The column at fault ('' when the row as a whole is). */
  field: string;
  code: string;
  message: string;
}

export type CheckedRow<T> =
  | { ok: true; data: T; externalId: string | undefined }
  | { ok: false; externalId: string | undefined; errors: RowError[] };

export interface RowBody {
  /** The body for the service's create route, before validation. */
  body: Record<string, unknown>;
  externalId: string | undefined;
  /** 1-based positions of values in columns without a name. */
  unnamed: number[];
}

export function checkRow<Schema extends z.ZodType>(
  row: RowBody,
  cells: readonly string[],
  options: {
    columnCount: number;
    schema: Schema;
    /** The column a validation path refers to (`address.city` → city). */
    columnOf: (path: string) => string;
  },
): CheckedRow<z.output<Schema>> {
  const { body, externalId, unnamed } = row;
  const errors: RowError[] = [];
  if (cells.length > options.columnCount) {
    errors.push({
      field: '',
      code: 'TOO_MANY_CELLS',
      message: `the row has ${cells.length} cells, the header names ${options.columnCount} columns`,
    });
  } else if (unnamed.length > 0) {
    errors.push({
      field: '',
      code: 'UNNAMED_COLUMN',
      message: `values in columns without a header: ${unnamed.join(', ')}`,
    });
  }
  if (cells.some((cell) => cell.includes('\uFFFD'))) {
    errors.push({
      field: '',
      code: 'NOT_UTF8',
      message: 'the row is not UTF-8 text: save the file as "CSV UTF-8"',
    });
  }
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({
        field: options.columnOf(issue.path.map(String).join('.')),
        code: issue.code,
        message: issue.message,
      });
    }
  }
  if (!parsed.success || errors.length > 0) return { ok: false, externalId, errors };
  return { ok: true, data: parsed.data, externalId };
}
