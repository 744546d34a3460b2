// The recycler with a clock the test moves: a lead nobody follows up goes back to its pool after
// the pool's time, with the reason, as the system; a follow-up in time keeps it; two instances
// sweeping at once return it once; the periodic sweep runs until the service stops.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadClient } from '../lead/lead-api-client.ts';
import { movableClock, people, POOLS, TEAMS } from '../lead/lead-test-support.ts';
import { useLeadTestApp } from '../lead/lead-test-app.ts';
import { leadStreamId } from '../streams.ts';
import { buildTestApp } from '../testing/test-app.ts';
import { LeadRecycler, RECYCLER_ACTOR } from './recycler.ts';

const { t, api, time } = useLeadTestApp();

const rep = () => api.as('sales_rep', people.rep);
const sweep = async () => {
  await api.settle();
  return t.service.recycler.sweep();
};

describe('the lead recycler', () => {
  it('returns a lead after the pool time without follow-up (48 h in the east pool)', async () => {
    const { id } = await api.capture(await rep());
    time.advanceHours(47);
    expect(await sweep()).not.toContain(id);
    await api.post(`/leads/${id}/activities`, await rep(), {
      kind: 'call',
      occurredAt: time.clock().toISOString(),
      summary: '电话沟通需求',
    });
    time.advanceHours(47);
    expect(await sweep()).not.toContain(id);
    time.advanceHours(2);
    expect(await sweep()).toContain(id);
    await api.settle();
    const lead = await api.get(await api.as('sales_manager', people.manager), id);
    expect(lead.json()).toMatchObject({ ownerId: null, poolId: 'pool-east' });
    const timeline = await t.app.inject({
      url: `/leads/${id}/timeline?order=desc&limit=1`,
      headers: await api.as('sales_manager', people.manager),
    });
    expect(timeline.json<{ items: object[] }>().items).toMatchObject([
      {
        type: 'LeadReturnedToPool',
        actor: RECYCLER_ACTOR,
        data: { reason: 'no_follow_up', previousOwnerId: people.rep, poolId: 'pool-east' },
      },
    ]);
    expect(await sweep()).not.toContain(id);
  });

  it('two instances sweeping at once return each lead once', async () => {
    const { id } = await api.capture(await rep());
    time.advanceHours(49);
    await api.settle();
    const twin = new LeadRecycler({
      leads: t.service.leads,
      documentStore: t.service.deps.documentStore,
      clock: time.clock,
      logger: { info: () => undefined, error: () => undefined },
      intervalMs: 0,
    });
    const [a, b] = await Promise.all([t.service.recycler.sweep(), twin.sweep()]);
    expect([...a, ...b].filter((leadId) => leadId === id)).toEqual([id]);
    const events = await t.service.deps.eventStore.readStream(leadStreamId(id));
    expect(events.filter((event) => event.type === 'LeadReturnedToPool')).toHaveLength(1);
  });
});

describe('the periodic sweep', () => {
  it('runs every interval while the service runs, and stops with it', async () => {
    const clock = movableClock();
    const app = await buildTestApp({
      teams: TEAMS,
      pools: POOLS,
      clock: clock.clock,
      recycleIntervalMs: 20,
    });
    try {
      const client = leadClient(app);
      const { id } = await client.capture(await client.as('sales_rep', people.rep), {
        id: `lead-${randomUUID()}`,
      });
      clock.advanceHours(49);
      const deadline = Date.now() + 5_000;
      let returned = false;
      while (!returned && Date.now() < deadline) {
        const events = await app.service.deps.eventStore.readStream(leadStreamId(id));
        returned = events.some((event) => event.type === 'LeadReturnedToPool');
        if (!returned) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(returned).toBe(true);
    } finally {
      await app.close();
    }
  });
});
