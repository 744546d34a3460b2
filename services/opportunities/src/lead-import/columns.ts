// The lead import file's columns: English names (any case) or the Chinese headers people type in
// Excel, and how one row's cells become the body POST /leads accepts.

export const IMPORT_FIELDS = [
  'id',
  'externalId',
  'name',
  'company',
  'phones',
  'emails',
  'source',
  'campaignId',
  'notes',
  'province',
  'city',
  'industry',
  'ownerId',
  'poolId',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Several columns may feed one list (手机 and 电话 both give phones). */
const LIST_FIELDS: ReadonlySet<ImportField> = new Set(['phones', 'emails']);

const ALIASES: Readonly<Record<string, ImportField>> = {
  编号: 'id',
  线索编号: 'id',
  外部编号: 'externalId',
  姓名: 'name',
  联系人: 'name',
  公司: 'company',
  公司名称: 'company',
  手机: 'phones',
  电话: 'phones',
  phone: 'phones',
  邮箱: 'emails',
  email: 'emails',
  来源: 'source',
  线索来源: 'source',
  活动: 'campaignId',
  活动编号: 'campaignId',
  campaign: 'campaignId',
  'campaign id': 'campaignId',
  备注: 'notes',
  省: 'province',
  省份: 'province',
  市: 'city',
  城市: 'city',
  行业: 'industry',
  负责人: 'ownerId',
  owner: 'ownerId',
  线索池: 'poolId',
  公海: 'poolId',
  pool: 'poolId',
};
const ENGLISH = new Map(IMPORT_FIELDS.map((field) => [field.toLowerCase(), field]));

/** What each column of the file holds: a field, or no (known) name at all. */
export type Column = ImportField | 'unnamed';

export interface HeaderIssue {
  column: string;
  code: 'UNKNOWN_COLUMN' | 'DUPLICATE_COLUMN' | 'MISSING_COLUMN';
}

export function readHeader(cells: readonly string[]): { columns: Column[]; issues: HeaderIssue[] } {
  const issues: HeaderIssue[] = [];
  const columns = cells.map((cell): Column => {
    const name = cell.trim();
    if (name === '') return 'unnamed';
    const field = ALIASES[name] ?? ALIASES[name.toLowerCase()] ?? ENGLISH.get(name.toLowerCase());
    if (field === undefined) {
      issues.push({ column: name, code: 'UNKNOWN_COLUMN' });
      return 'unnamed';
    }
    return field;
  });
  columns.forEach((column, index) => {
    if (column === 'unnamed' || LIST_FIELDS.has(column)) return;
    if (columns.indexOf(column) !== index) {
      issues.push({ column: cells[index]?.trim() ?? column, code: 'DUPLICATE_COLUMN' });
    }
  });
  if (!columns.includes('name')) issues.push({ column: 'name', code: 'MISSING_COLUMN' });
  if (!columns.includes('phones') && !columns.includes('emails')) {
    issues.push({ column: 'phones', code: 'MISSING_COLUMN' });
  }
  return { columns, issues };
}

/** 来源 as sales teams write it, or the contract's own values. */
const SOURCES: Readonly<Record<string, string>> = {
  官网: 'website',
  网站: 'website',
  转介绍: 'referral',
  推荐: 'referral',
  展会: 'exhibition',
  电话营销: 'cold_call',
  陌拜: 'cold_call',
  广告: 'advertising',
  社交媒体: 'social_media',
  合作伙伴: 'partner',
  导入: 'import',
  其他: 'other',
};

/** Several phones or e-mails in one cell: `a; b` (the full-width ； too). */
const splitList = (value: string): string[] =>
  value
    .split(/[;；]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
/** Exports guard text against spreadsheet formulas with a leading '; take it off again. */
const unguard = (value: string): string => (/^'[=+\-@]/.test(value) ? value.slice(1) : value);

export interface RowCells {
  /** The body for POST /leads, before validation. */
  body: Record<string, unknown>;
  externalId: string | undefined;
  /** Values in columns without a name (lost otherwise). */
  unnamed: number[];
}

export function readRow(columns: readonly Column[], cells: readonly string[]): RowCells {
  const values = new Map<ImportField, string>();
  const lists = { phones: [] as string[], emails: [] as string[] };
  const unnamed: number[] = [];
  cells.forEach((cell, index) => {
    const value = unguard(cell.trim());
    if (value === '') return;
    const column = columns[index] ?? 'unnamed';
    if (column === 'unnamed') unnamed.push(index + 1);
    else if (column === 'phones' || column === 'emails') lists[column].push(...splitList(value));
    else values.set(column, value);
  });
  const optional = (field: ImportField, value = values.get(field)) =>
    value === undefined ? {} : { [field]: value };
  const province = values.get('province');
  const city = values.get('city');
  const source = values.get('source');
  const body = {
    ...optional('id'),
    ...optional('name'),
    ...optional('company'),
    ...lists,
    source: source === undefined ? 'import' : (SOURCES[source] ?? source),
    ...optional('campaignId'),
    ...optional('notes'),
    // Half a region is an error the schema names (region.city), not a region dropped silently.
    ...((province !== undefined || city !== undefined) && { region: { province, city } }),
    ...optional('industry'),
    ...optional('ownerId'),
    ...optional('poolId'),
  };
  return { body, externalId: values.get('externalId'), unnamed };
}

/** The column a validation path or a domain error's field refers to (`region.city` → city). */
export const columnOf = (path: string): string =>
  path.startsWith('region.') ? path.slice('region.'.length) : (path.split('.')[0] ?? path);
