// The lead read models and queries on the MongoDB adapter against FerretDB (a real engine, its own
// database): scoped search, pools, open-claim counts, due follow-ups and the recycler's sweep.
import type { DocumentStore } from '@crm/read-store';
import { openMongoDocumentStore } from '@crm/read-store-mongodb';
import { realServers, uniqueName } from '@crm/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/test-app.ts';
import { leadClient } from './lead-api-client.ts';
import { movableClock, people, POOLS, TEAMS } from './lead-test-support.ts';

let documentStore: DocumentStore;
let t: TestApp;
let api: ReturnType<typeof leadClient>;
const time = movableClock();
beforeAll(async () => {
  const { mongodbUrl } = await realServers();
  documentStore = await openMongoDocumentStore({ url: mongodbUrl, database: uniqueName('leads') });
  t = await buildTestApp({ teams: TEAMS, pools: POOLS, clock: time.clock, documentStore });
  api = leadClient(t);
}, 300_000);
afterAll(async () => {
  await t.close();
  await documentStore.close();
});

describe('lead read models on FerretDB', () => {
  it('answers search, pools, claims, due follow-ups and returns', { timeout: 60_000 }, async () => {
    const manager = await api.as('sales_manager', people.manager);
    const rep = await api.as('sales_rep', people.rep);
    const pooled = await api.capture(manager, { campaignId: 'cmp-ferret' });
    const owned = await api.capture(rep, { campaignId: 'cmp-ferret' });
    const north = await api.capture(await api.as('sales_rep', people.outsider), {
      campaignId: 'cmp-ferret',
      region: { province: '北京', city: '北京' },
    });
    await api.settle();

    const mine = await t.app.inject({ url: '/leads?campaignId=cmp-ferret', headers: rep });
    expect(
      mine
        .json<{ items: { leadId: string }[] }>()
        .items.map((l) => l.leadId)
        .sort(),
    ).toEqual([pooled.id, owned.id].sort());
    const pools = await t.app.inject({ url: '/lead-pools', headers: rep });
    expect(pools.json()).toMatchObject({ items: [{ id: 'pool-east', waiting: 1 }] });

    expect((await api.post(`/leads/${pooled.id}/claim`, rep)).statusCode).toBe(200);
    const third = await api.capture(manager);
    const limited = await api.post(`/leads/${third.id}/claim`, rep);
    expect(limited.json()).toMatchObject({ code: 'CLAIM_LIMIT_REACHED' });

    const dueAt = new Date(time.clock().getTime() + 3_600_000).toISOString();
    await api.post(`/leads/${owned.id}/follow-ups`, rep, { taskId: 'call-back', dueAt });
    time.advanceHours(2);
    await api.settle();
    const due = await t.app.inject({ url: '/lead-follow-ups/due', headers: rep });
    expect(due.json()).toMatchObject({
      items: [{ leadId: owned.id, taskId: 'call-back', overdue: true }],
    });

    time.advanceHours(48);
    await api.settle();
    const returned = await t.service.recycler.sweep();
    // The north rep's lead too: its pool takes leads back after 24 hours.
    expect(returned.sort()).toEqual([pooled.id, owned.id, north.id].sort());
    expect(t.projectionErrors).toEqual([]);
  });
});
