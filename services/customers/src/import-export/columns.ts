// The import file's columns: English names (any case) or the Chinese headers people type in
// Excel, and how one row's cells become the body POST /customers accepts.

export const IMPORT_FIELDS = [
  'id',
  'externalId',
  'kind',
  'name',
  'phones',
  'emails',
  'province',
  'city',
  'district',
  'street',
  'industry',
  'tags',
  'lifecycleStage',
  'valueTier',
  'size',
  'source',
  'ownerId',
  'gender',
  'birthday',
  'website',
  'creditCode',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ImportField[] = ['kind', 'name'];
/** Several columns may feed one list (手机 and 电话 both give phones). */
const LIST_FIELDS: ReadonlySet<ImportField> = new Set(['phones', 'emails', 'tags']);
/** Columns the export writes that the log computes: accepted and ignored, so exports re-import. */
const COMPUTED = ['interactioncount', 'lastinteractionat', 'createdat'];

const CHINESE: Readonly<Record<string, ImportField>> = {
  编号: 'id',
  外部编号: 'externalId',
  名称: 'name',
  客户名称: 'name',
  类型: 'kind',
  客户类型: 'kind',
  手机: 'phones',
  电话: 'phones',
  邮箱: 'emails',
  省份: 'province',
  城市: 'city',
  区县: 'district',
  地址: 'street',
  行业: 'industry',
  标签: 'tags',
  阶段: 'lifecycleStage',
  价值等级: 'valueTier',
  规模: 'size',
  来源: 'source',
  负责人: 'ownerId',
  性别: 'gender',
  生日: 'birthday',
  网站: 'website',
  统一社会信用代码: 'creditCode',
};
const ENGLISH = new Map(IMPORT_FIELDS.map((field) => [field.toLowerCase(), field]));

/** What each column of the file holds: a field, a computed column to skip, or no name at all. */
export type Column = ImportField | 'computed' | 'unnamed';

export interface HeaderIssue {
  column: string;
  code: 'UNKNOWN_COLUMN' | 'DUPLICATE_COLUMN' | 'MISSING_COLUMN';
}

export function readHeader(cells: readonly string[]): { columns: Column[]; issues: HeaderIssue[] } {
  const issues: HeaderIssue[] = [];
  const columns = cells.map((cell): Column => {
    const name = cell.trim();
    if (name === '') return 'unnamed';
    if (COMPUTED.includes(name.toLowerCase())) return 'computed';
    const field = CHINESE[name] ?? ENGLISH.get(name.toLowerCase());
    if (field === undefined) {
      issues.push({ column: name, code: 'UNKNOWN_COLUMN' });
      return 'unnamed';
    }
    return field;
  });
  columns.forEach((column, index) => {
    if (LIST_FIELDS.has(column as ImportField) || column === 'computed' || column === 'unnamed') {
      return;
    }
    if (columns.indexOf(column) !== index) {
      issues.push({ column: cells[index]?.trim() ?? column, code: 'DUPLICATE_COLUMN' });
    }
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columns.includes(field)) issues.push({ column: field, code: 'MISSING_COLUMN' });
  }
  return { columns, issues };
}

const KINDS: Readonly<Record<string, string>> = {
  个人: 'person',
  企业: 'company',
  公司: 'company',
};
const GENDERS: Readonly<Record<string, string>> = { 男: 'male', 女: 'female', 其他: 'other' };
/** Several phones, e-mails or tags in one cell: `a; b` (the full-width ； too). */
const splitList = (value: string): string[] =>
  value
    .split(/[;；]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
/** The export guards text against spreadsheet formulas with a leading '; take it off again. */
const unguard = (value: string): string => (/^'[=+\-@]/.test(value) ? value.slice(1) : value);

export interface RowCells {
  /** The body for POST /customers, before validation. */
  body: Record<string, unknown>;
  externalId: string | undefined;
  /** Values in columns without a name (lost otherwise). */
  unnamed: number[];
}

export function readRow(columns: readonly Column[], cells: readonly string[]): RowCells {
  const values = new Map<ImportField, string>();
  const lists = { phones: [] as string[], emails: [] as string[], tags: [] as string[] };
  const unnamed: number[] = [];
  cells.forEach((cell, index) => {
    const value = unguard(cell.trim());
    if (value === '') return;
    const column = columns[index] ?? 'unnamed';
    if (column === 'unnamed') unnamed.push(index + 1);
    else if (column === 'phones' || column === 'emails' || column === 'tags') {
      lists[column].push(...splitList(value));
    } else if (column !== 'computed') values.set(column, value);
  });
  const text = (field: ImportField) => values.get(field);
  const optional = (field: ImportField, mapped = text(field)) =>
    mapped === undefined ? {} : { [field]: mapped };
  const address = {
    ...optional('province'),
    ...optional('city'),
    ...optional('district'),
    ...optional('street'),
  };
  const kind = text('kind');
  const gender = text('gender');
  const body = {
    ...optional('id'),
    ...optional('kind', kind === undefined ? undefined : (KINDS[kind] ?? kind)),
    ...optional('name'),
    ...lists,
    ...(Object.keys(address).length > 0 && { address }),
    ...optional('gender', gender === undefined ? undefined : (GENDERS[gender] ?? gender)),
    ...optional('birthday'),
    ...optional('industry'),
    ...optional('website'),
    ...optional('creditCode'),
    ...optional('lifecycleStage'),
    ...optional('valueTier'),
    ...optional('size'),
    source: text('source') ?? 'import',
    ...optional('ownerId'),
  };
  return { body, externalId: text('externalId'), unnamed };
}

/** The column a validation path or a domain error's field refers to (`address.city` → city). */
export const columnOf = (path: string): string =>
  path.startsWith('address.') ? path.slice('address.'.length) : (path.split('.')[0] ?? path);
