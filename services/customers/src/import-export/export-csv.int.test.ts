import { openSqliteDocumentStore, type Filter } from '@crm/read-store';
import { parse } from 'csv-parse/sync';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { CustomerListItem } from '../projections/customer-view.ts';
import { EXPORT_PAGE_SIZE, exportCsv } from './export-csv.ts';

const item = (n: number): CustomerListItem => ({
  _id: `c-${String(n).padStart(5, '0')}`,
  kind: 'company',
  status: n % 2 === 0 ? 'active' : 'archived',
  name: n === 1 ? '=HYPERLINK("http://evil")' : `公司${n}`,
  phones: [`+86139${String(n).padStart(8, '0')}`],
  emails: [],
  tags: ['a', 'b'],
  lifecycleStage: 'customer',
  size: null,
  valueTier: 'B',
  ownerId: null,
  industry: 'manufacturing',
  province: '广东省',
  city: '深圳市',
  district: null,
  source: 'import',
  interactionCount: n,
  lastInteractionAt: null,
  nextFollowUpAt: null,
  createdAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
  updatedAt: '2026-01-01T00:00:00.000Z',
  revision: 0,
});

describe('exportCsv', () => {
  it('pages through every matching customer in creation order, formulas disarmed', async () => {
    const store = openSqliteDocumentStore({ path: ':memory:' });
    const list = store.collection<CustomerListItem>('customer_list');
    const count = EXPORT_PAGE_SIZE * 2 + 3;
    for (let n = 1; n <= count; n++) await list.put(item(n), 0);

    const rowsOf = async (filter: Filter) =>
      parse<Record<string, string>>(await text(await exportCsv(list, filter)), {
        bom: true,
        columns: true,
      });
    const all = await rowsOf({});
    const active = await rowsOf({ status: 'active' });

    expect(all).toHaveLength(count);
    expect(all.map((row) => Number(row.interactionCount))).toEqual(
      Array.from({ length: count }, (_, index) => index + 1),
    );
    expect(all[0]).toMatchObject({ name: `'=HYPERLINK("http://evil")`, tags: 'a;b', district: '' });
    expect(active).toHaveLength(Math.floor(count / 2));
    await store.close();
  });
});
