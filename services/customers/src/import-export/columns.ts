// The import file's columns: English names (any case) or the Chinese headers people type in
// Excel, and how one row's cells become the body POST /customers accepts.
import {
  readCells,
  readHeader as readFileHeader,
  type Column as CsvColumn,
  type ColumnSpec,
  type HeaderReading,
  type RowBody,
} from '@crm/csv-import';

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

/** The file's columns as the import engine reads them. */
export const COLUMNS: ColumnSpec<ImportField, ListField> = {
  fields: IMPORT_FIELDS,
  aliases: {
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
  },
  listFields: ['phones', 'emails', 'tags'],
  // Columns the export writes that the log computes: accepted and ignored, so exports re-import.
  skipped: ['interactioncount', 'lastinteractionat', 'createdat'],
  required: ['kind', 'name'],
};
type ListField = 'phones' | 'emails' | 'tags';

export type Column = CsvColumn<ImportField>;

export const readHeader = (cells: readonly string[]): HeaderReading<ImportField> =>
  readFileHeader(COLUMNS, cells);

const KINDS: Readonly<Record<string, string>> = {
  个人: 'person',
  企业: 'company',
  公司: 'company',
};
const GENDERS: Readonly<Record<string, string>> = { 男: 'male', 女: 'female', 其他: 'other' };

/** One row's cells as the body POST /customers takes (before validation). */
export function readRow(columns: readonly Column[], cells: readonly string[]): RowBody {
  const { values, lists, unnamed } = readCells(COLUMNS, columns, cells);
  const text = (field: Exclude<ImportField, ListField>) => values.get(field);
  const optional = (field: Exclude<ImportField, ListField>, mapped = text(field)) =>
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
