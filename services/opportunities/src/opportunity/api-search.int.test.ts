// Searching opportunities: filters, cursor pagination, and the routes in the OpenAPI document.
import { beforeAll, describe, expect, it } from 'vitest';
import { openOpportunity, write } from '../testing/sales-client.ts';
import { as, useSalesTestApp } from '../testing/sales-test-app.ts';

const api = useSalesTestApp({}, 'all');
let position = 0;
beforeAll(async () => {
  api.customers.set('cus-2', { ...api.customers.get('cus-1')!, customerId: 'cus-2', name: '杭州' });
  const a = await openOpportunity(api, { name: 'alpha', expectedCloseDate: '2026-06-01' });
  await openOpportunity(api, {
    name: 'beta',
    expectedCloseDate: '2026-06-10',
    customerId: 'cus-2',
  });
  await openOpportunity(api, { name: 'gamma', expectedCloseDate: '2026-07-01' });
  await openOpportunity(api, { name: 'delta', expectedCloseDate: '2026-08-01' }, as.rep2);
  await write(api, 'PUT', `/opportunities/${a.id}/stage`, { stage: 'proposal' });
  position =
    (await write(api, 'POST', `/opportunities/${a.id}/win`, { actualAmount: '1.00' })).position ??
    0;
});

const names = async (query: string, caller = as.managerA) => {
  const answer = await api.request('GET', `/opportunities?${query}&waitForPosition=${position}`, {
    as: caller,
  });
  expect(answer.status).toBe(200);
  return (answer.body.items as { name: string }[]).map((item) => item.name);
};

describe('GET /opportunities', () => {
  it.each([
    ['stage=won', ['alpha']],
    ['stage=qualification&sort=name', ['beta', 'delta', 'gamma']],
    ['status=open&ownerId=u-rep-2', ['delta']],
    ['customerId=cus-2', ['beta']],
    ['closingFrom=2026-06-05&closingTo=2026-07-01&sort=expectedCloseDate', ['beta', 'gamma']],
    ['q=AMM', ['gamma']],
    ['team=team-a&status=lost', []],
    ['ownerId=u-rep-3', []],
  ])('filters by %s', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('pages with a cursor until every item was seen once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const answer = await api.request('GET', `/opportunities?limit=3&sort=name${suffix}`, {
        as: as.managerA,
      });
      seen.push(...(answer.body.items as { name: string }[]).map((item) => item.name));
      cursor = answer.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(seen).toEqual(['alpha', 'beta', 'delta', 'gamma']);
  });

  it('shows the customer’s name from the local lookup', async () => {
    const answer = await api.request('GET', `/opportunities?customerId=cus-2`);
    expect(answer.body.items).toMatchObject([{ name: 'beta', customerName: '杭州' }]);
  });
});

describe('GET /openapi.json', () => {
  it('lists the sales routes', async () => {
    const answer = await api.app.inject({ method: 'GET', url: '/openapi.json' });
    const paths = Object.keys(answer.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/opportunities',
        '/opportunities/mine',
        '/opportunities/closing',
        '/opportunities/{id}',
        '/opportunities/{id}/stage',
        '/opportunities/{id}/amount',
        '/opportunities/{id}/line-items',
        '/opportunities/{id}/expected-close',
        '/opportunities/{id}/competitors',
        '/opportunities/{id}/owner',
        '/opportunities/{id}/win',
        '/opportunities/{id}/lose',
        '/opportunities/{id}/reopen',
        '/opportunities/{id}/history',
        '/opportunities/{id}/quotes',
        '/quotes/{id}',
        '/quotes/{id}/issue',
        '/quotes/{id}/accept',
        '/quotes/{id}/reject',
        '/quotes/{id}/supersede',
        '/orders',
        '/orders/{id}',
        '/orders/{id}/fulfil',
        '/orders/{id}/cancel',
        '/pipeline',
        '/pipeline/stages',
      ]),
    );
  });
});
