// An import file's columns: a service names its fields, the headers people type for them (the
// Chinese ones of Excel sheets included) and which fields may repeat; the header and each row are
// read the same way for every service.

/** What each column of the file holds: a field, a column to skip, or no (known) name at all. */
export type Column<Field extends string> = Field | 'computed' | 'unnamed';

export interface HeaderIssue {
  column: string;
  code: 'UNKNOWN_COLUMN' | 'DUPLICATE_COLUMN' | 'MISSING_COLUMN';
}

export interface ColumnSpec<Field extends string, ListField extends Field = never> {
  /** Every field, by its English name (matched in any case). */
  fields: readonly Field[];
  /** Other headers for a field: exact, or in lower case (`手机`, `phone`). */
  aliases: Readonly<Record<string, Field>>;
  /** Several columns may feed one list (手机 and 电话 both give phones). */
  listFields: readonly ListField[];
  /** Columns the export writes that the log computes: accepted and ignored (lower case). */
  skipped?: readonly string[];
  /** A field the header must name; a group is satisfied by any one of it (reported as its first). */
  required: readonly (Field | readonly [Field, ...Field[]])[];
}

export interface HeaderReading<Field extends string> {
  columns: Column<Field>[];
  issues: HeaderIssue[];
}

export function readHeader<Field extends string, ListField extends Field>(
  spec: ColumnSpec<Field, ListField>,
  cells: readonly string[],
): HeaderReading<Field> {
  const english = new Map(spec.fields.map((field) => [field.toLowerCase(), field]));
  const lists: ReadonlySet<string> = new Set(spec.listFields);
  const issues: HeaderIssue[] = [];
  const columns = cells.map((cell): Column<Field> => {
    const name = cell.trim();
    if (name === '') return 'unnamed';
    const lower = name.toLowerCase();
    if (spec.skipped?.includes(lower) === true) return 'computed';
    const field = spec.aliases[name] ?? spec.aliases[lower] ?? english.get(lower);
    if (field === undefined) {
      issues.push({ column: name, code: 'UNKNOWN_COLUMN' });
      return 'unnamed';
    }
    return field;
  });
  columns.forEach((column, index) => {
    if (column === 'unnamed' || column === 'computed' || lists.has(column)) return;
    if (columns.indexOf(column) !== index) {
      issues.push({ column: cells[index]?.trim() ?? column, code: 'DUPLICATE_COLUMN' });
    }
  });
  for (const required of spec.required) {
    const group: readonly Field[] = typeof required === 'string' ? [required] : required;
    if (!group.some((field) => columns.includes(field))) {
      issues.push({ column: group[0]!, code: 'MISSING_COLUMN' });
    }
  }
  return { columns, issues };
}

export interface RowCells<Field extends string, ListField extends Field> {
  /** The last value of each single-valued field the row fills. */
  values: Map<Exclude<Field, ListField>, string>;
  /** Every item of each list field, in column order (empty when the row has none). */
  lists: Record<ListField, string[]>;
  /** 1-based positions of values in columns without a name (lost otherwise). */
  unnamed: number[];
}

/** Several phones, e-mails or tags in one cell: `a; b` (the full-width ； too). */
const splitList = (value: string): string[] =>
  value
    .split(/[;；]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
/** Exports guard text against spreadsheet formulas with a leading '; take it off again. */
const unguard = (value: string): string => (/^'[=+\-@]/.test(value) ? value.slice(1) : value);

export function readCells<Field extends string, ListField extends Field>(
  spec: Pick<ColumnSpec<Field, ListField>, 'listFields'>,
  columns: readonly Column<Field>[],
  cells: readonly string[],
): RowCells<Field, ListField> {
  const values = new Map<Exclude<Field, ListField>, string>();
  const lists = Object.fromEntries(
    spec.listFields.map((field) => [field, []]),
  ) as unknown as Record<ListField, string[]>;
  const listFields: ReadonlySet<string> = new Set(spec.listFields);
  const isList = (column: Field): column is ListField => listFields.has(column);
  const unnamed: number[] = [];
  cells.forEach((cell, index) => {
    const value = unguard(cell.trim());
    if (value === '') return;
    const column = columns[index] ?? 'unnamed';
    if (column === 'unnamed') unnamed.push(index + 1);
    else if (column === 'computed') return;
    else if (isList(column)) lists[column].push(...splitList(value));
    else values.set(column as Exclude<Field, ListField>, value);
  });
  return { values, lists, unnamed };
}
