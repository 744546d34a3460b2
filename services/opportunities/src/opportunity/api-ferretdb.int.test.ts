// The sales read models and queries on the MongoDB adapter against FerretDB (a real engine, its own
// database): the same figures, lists and pages as on the embedded store.
import type { DocumentStore } from '@crm/read-store';
import { openMongoDocumentStore } from '@crm/read-store-mongodb';
import { realServers, uniqueName } from '@crm/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedQuote, openOpportunity, write } from '../testing/sales-client.ts';
import { as, buildSalesTestApp, type SalesTestApp } from '../testing/sales-test-app.ts';

let documentStore: DocumentStore;
let api: SalesTestApp;
beforeAll(async () => {
  const { mongodbUrl } = await realServers();
  documentStore = await openMongoDocumentStore({
    url: mongodbUrl,
    database: uniqueName('sales_read_models'),
  });
  api = await buildSalesTestApp({ documentStore });
}, 300_000);
afterAll(async () => {
  await api.close();
  await documentStore.close();
  expect(api.projectionErrors).toEqual([]);
});

describe('sales read models on FerretDB', () => {
  it(
    'answers pipeline, lists, closing, history, quotes and orders',
    { timeout: 60_000 },
    async () => {
      const a = await openOpportunity(api, { name: 'alpha', amount: '1000.00' });
      const b = await openOpportunity(api, { name: 'beta', amount: '333.33' }, as.rep2);
      await write(api, 'PUT', `/opportunities/${a.id}/stage`, { stage: 'proposal' });
      await write(api, 'POST', `/opportunities/${b.id}/win`, { actualAmount: '350.00' }, as.rep2);
      const quoteId = await acceptedQuote(api, a.id);
      const order = await write(api, 'POST', '/orders', {
        quoteId,
        billingAddress: { province: '上海市', city: '上海市' },
        shippingAddress: { province: '上海市', city: '上海市' },
      });
      const wait = `waitForPosition=${order.position ?? 0}`;

      const team = await api.request('GET', `/pipeline?team=team-a&${wait}`, { as: as.managerA });
      expect(team.body.open).toEqual({ count: 1, amount: '1000.00', weightedAmount: '500.00' });
      const rows = team.body.stages as { stage: string; count: number; amount: string }[];
      expect(rows.find((row) => row.stage === 'won')).toMatchObject({ count: 1, amount: '350.00' });

      const mine = await api.request('GET', `/opportunities/mine?${wait}`);
      expect((mine.body.items as { name: string }[]).map((item) => item.name)).toEqual(['alpha']);
      const listed = await api.request('GET', `/opportunities?sort=name&limit=1&${wait}`, {
        as: as.managerA,
      });
      expect(listed.body.items).toMatchObject([{ name: 'alpha' }]);
      expect(listed.body.nextCursor).toEqual(expect.any(String));

      const closing = await api.request('GET', `/opportunities/closing?${wait}`);
      expect(closing.body.totals).toEqual([
        { currency: 'CNY', count: 1, amount: '1000.00', weightedAmount: '500.00' },
      ]);
      const history = await api.request('GET', `/opportunities/${a.id}/history?${wait}`);
      expect(history.body.items).toHaveLength(6);
      const quotes = await api.request('GET', `/opportunities/${a.id}/quotes?${wait}`);
      expect(quotes.body.items).toMatchObject([{ _id: quoteId, status: 'accepted' }]);
      const orders = await api.request('GET', `/orders?customerId=cus-1&${wait}`);
      expect(orders.body.items).toMatchObject([{ _id: order.id, status: 'placed' }]);
    },
  );
});
