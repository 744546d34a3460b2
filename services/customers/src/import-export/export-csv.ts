// The customer list as CSV for Excel: a UTF-8 BOM (or Excel reads the Chinese as mojibake), CRLF
// lines, and every matching customer, paged through the list read model as it is written out.
import { Readable } from 'node:stream';
import type { Collection, Filter } from '@crm/read-store';
import { stringify, type Stringifier } from 'csv-stringify';
import type { CustomerListItem } from '../projections/customer-view.ts';

export const EXPORT_COLUMNS = [
  'id',
  'kind',
  'name',
  'phones',
  'emails',
  'tags',
  'lifecycleStage',
  'valueTier',
  'size',
  'industry',
  'province',
  'city',
  'district',
  'ownerId',
  'source',
  'interactionCount',
  'lastInteractionAt',
  'createdAt',
] as const;

export const EXPORT_PAGE_SIZE = 500;

/**
 * A cell that starts like a formula runs as one when a spreadsheet opens the file (CSV injection);
 * a leading ' makes it text, and the import takes it off again.
 */
export const guardFormula = (value: string): string =>
  /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

const text = (value: string | null): string => (value === null ? '' : guardFormula(value));

function toCells(item: CustomerListItem): string[] {
  return [
    item._id,
    item.kind,
    text(item.name),
    item.phones.join(';'),
    item.emails.join(';'),
    text(item.tags.join(';')),
    item.lifecycleStage,
    item.valueTier ?? '',
    item.size ?? '',
    text(item.industry),
    text(item.province),
    text(item.city),
    text(item.district),
    text(item.ownerId),
    item.source ?? '',
    String(item.interactionCount),
    item.lastInteractionAt ?? '',
    item.createdAt,
  ];
}

/**
 * The CSV stream. The first page is read before it is returned, so a failing store is an error
 * answer, not a file cut short; a failure on a later page ends the stream with that error.
 */
export async function exportCsv(
  list: Collection<CustomerListItem>,
  filter: Filter,
): Promise<Stringifier> {
  const sort = { field: 'createdAt', direction: 'asc' } as const;
  const first = await list.find(filter, { sort, limit: EXPORT_PAGE_SIZE });
  async function* rows(): AsyncGenerator<string[]> {
    let page = first;
    for (;;) {
      for (const item of page.items) yield toCells(item);
      if (page.nextCursor === undefined) return;
      page = await list.find(filter, { sort, limit: EXPORT_PAGE_SIZE, cursor: page.nextCursor });
    }
  }
  const csv = stringify({
    bom: true,
    header: true,
    columns: [...EXPORT_COLUMNS],
    record_delimiter: 'windows',
  });
  const source = Readable.from(rows());
  source.on('error', (error) => csv.destroy(error));
  // The client went away: stop paging through the store.
  csv.on('close', () => source.destroy());
  return source.pipe(csv);
}
