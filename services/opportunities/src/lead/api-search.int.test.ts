// Searching leads over HTTP: filters, role scoping and cursor pagination.
import { describe, expect, it } from 'vitest';
import { people } from './lead-test-support.ts';
import { useLeadTestApp } from './lead-test-app.ts';

const { t, api } = useLeadTestApp();

const otherRep = () => api.as('sales_rep', people.otherRep);
const manager = () => api.as('sales_manager', people.manager);

describe('GET /leads', () => {
  it('search: filters by status, owner and source, role-scoped, with cursor pagination', async () => {
    const mine = await api.as('sales_rep', 'u-li-lei');
    await api.capture(mine, { source: 'website', campaignId: 'cmp-search' });
    await api.capture(mine, { source: 'website', campaignId: 'cmp-search' });
    await api.capture(await otherRep(), { source: 'website', campaignId: 'cmp-search' });
    await api.settle();
    const first = await t.app.inject({
      url: '/leads?campaignId=cmp-search&ownerId=me&limit=1',
      headers: mine,
    });
    const page = first.json<{ items: { ownerId: string }[]; nextCursor: string }>();
    expect(page.items).toHaveLength(1);
    const second = await t.app.inject({
      url: `/leads?campaignId=cmp-search&ownerId=me&limit=1&cursor=${encodeURIComponent(page.nextCursor)}`,
      headers: mine,
    });
    expect(second.json<{ items: object[] }>().items).toHaveLength(1);
    const all = await t.app.inject({ url: '/leads?campaignId=cmp-search', headers: mine });
    expect(all.json<{ items: { ownerId: string }[] }>().items.map((l) => l.ownerId)).toEqual([
      people.rep,
      people.rep,
    ]);
    const team = await t.app.inject({
      url: '/leads?campaignId=cmp-search',
      headers: await manager(),
    });
    expect(team.json<{ items: object[] }>().items).toHaveLength(3);
    const marketer = await t.app.inject({
      url: '/leads?campaignId=cmp-search&source=website',
      headers: await api.as('marketer', 'u-marketer'),
    });
    expect(marketer.json<{ items: object[] }>().items).toHaveLength(3);
    const bad = await t.app.inject({ url: '/leads?status=gone&limit=0', headers: mine });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths.sort()).toEqual(['limit', 'status']);
  });
});
