// The lead import file's columns: English names (any case) or the Chinese headers people type in
// Excel, and how one row's cells become the body POST /leads accepts.
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

type ListField = 'phones' | 'emails';

/** The file's columns as the import engine reads them. */
export const COLUMNS: ColumnSpec<ImportField, ListField> = {
  fields: IMPORT_FIELDS,
  aliases: {
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
  },
  listFields: ['phones', 'emails'],
  required: ['name', ['phones', 'emails']],
};

/** What each column of the file holds: a field, or no (known) name at all. */
export type Column = CsvColumn<ImportField>;

export const readHeader = (cells: readonly string[]): HeaderReading<ImportField> =>
  readFileHeader(COLUMNS, cells);

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

/** One row's cells as the body POST /leads takes (before validation). */
export function readRow(columns: readonly Column[], cells: readonly string[]): RowBody {
  const { values, lists, unnamed } = readCells(COLUMNS, columns, cells);
  const optional = (field: Exclude<ImportField, ListField>, value = values.get(field)) =>
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
