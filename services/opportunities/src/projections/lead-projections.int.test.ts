// The lead read models are disposable: rebuilt from the log they come out the same, and an event
// handled again (a replay after a crash) changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { useLeadTestApp } from '../lead/lead-test-app.ts';
import { people } from '../lead/lead-test-support.ts';
import { FOLLOW_UPS, leadFollowUps } from './lead-follow-ups.ts';
import { leadList } from './lead-list.ts';
import { LEAD_TIMELINE } from './lead-timeline.ts';
import { LEADS } from './lead-view.ts';

const { t, api, time } = useLeadTestApp();
beforeAll(async () => {
  const rep = await api.as('sales_rep', people.rep);
  const manager = await api.as('sales_manager', people.manager);
  for (let i = 0; i < 3; i++) {
    const { id } = await api.capture(rep);
    const dueAt = new Date(time.clock().getTime() + (i + 1) * 3_600_000).toISOString();
    await api.post(`/leads/${id}/follow-ups`, rep, { taskId: `t-${i}`, dueAt });
    if (i === 1) await api.post(`/leads/${id}/follow-ups/t-${i}/complete`, rep, {});
    if (i === 2) await api.post(`/leads/${id}/reassign`, manager, { ownerId: people.otherRep });
  }
  await api.settle();
});

const snapshot = async () => {
  const documents = t.service.deps.documentStore;
  const all = async (name: string) =>
    (await documents.collection(name).find({}, { limit: 1000 })).items;
  return {
    leads: await all(LEADS),
    tasks: await all(FOLLOW_UPS),
    timeline: await all(LEAD_TIMELINE),
  };
};

describe('the lead read models', () => {
  it('come out the same when rebuilt from the log', async () => {
    const before = await snapshot();
    expect(before.leads).toHaveLength(3);
    expect(before.tasks).toHaveLength(3);
    for (const name of ['lead-list', 'lead-follow-ups', 'lead-timeline']) {
      await t.service.projector.rebuild(name);
    }
    await api.settle();
    expect(await snapshot()).toEqual(before);
    expect(t.projectionErrors).toEqual([]);
  });

  it('ignore an event handled again', async () => {
    const before = await snapshot();
    const events = await t.service.deps.eventStore.readAll();
    const documents = t.service.deps.documentStore;
    for (const event of events) {
      await leadList.handle(event, documents);
      await leadFollowUps.handle(event, documents);
    }
    expect(await snapshot()).toEqual(before);
  });
});
