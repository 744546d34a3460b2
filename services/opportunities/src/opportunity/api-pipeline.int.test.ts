// Pipeline figures after a sequence of moves, per owner and per team, role-scoped; "closing this
// month / quarter" by expected close date with a fixed clock (Asia/Shanghai days).
import { describe, expect, it } from 'vitest';
import { openOpportunity, write } from '../testing/sales-client.ts';
import {
  as,
  buildSalesTestApp,
  expectProblem,
  useSalesTestApp,
  type Caller,
} from '../testing/sales-test-app.ts';

// Wednesday 20 May 2026, 10:00 in Shanghai.
const api = useSalesTestApp({ now: '2026-05-20T02:00:00.000Z' });

type Row = { stage: string; count: number; amount: string; weightedAmount: string };

const pipeline = async (query: string, position: number, caller: Caller = as.admin) => {
  const answer = await api.request('GET', `/pipeline?${query}&waitForPosition=${position}`, {
    as: caller,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const stages = Object.fromEntries(
    (answer.body.stages as Row[])
      .filter((row) => row.count > 0)
      .map(({ stage, count, amount, weightedAmount }) => [
        stage,
        { count, amount, weightedAmount },
      ]),
  );
  return { stages, open: answer.body.open };
};

describe('GET /pipeline', () => {
  it('sums count, amount and weighted amount per stage, per owner and per team', async () => {
    const a = await openOpportunity(api, { amount: '100000.00' }, as.rep1);
    const b = await openOpportunity(api, { amount: '33333.33' }, as.rep1);
    const c = await openOpportunity(api, { amount: '50000.00' }, as.rep2);
    const d = await openOpportunity(api, { amount: '80000.00' }, as.rep3);
    await write(api, 'PUT', `/opportunities/${a.id}/stage`, { stage: 'proposal' });
    await write(api, 'PUT', `/opportunities/${a.id}/stage`, { stage: 'negotiation' });
    await write(api, 'PUT', `/opportunities/${b.id}/stage`, { stage: 'proposal' });
    await write(api, 'PUT', `/opportunities/${b.id}/amount`, { amount: '33333.35' });
    await write(api, 'POST', `/opportunities/${c.id}/win`, { actualAmount: '48000.00' }, as.rep2);
    await write(api, 'POST', `/opportunities/${d.id}/lose`, { reason: 'price' }, as.rep3);
    const last = await write(
      api,
      'PUT',
      `/opportunities/${a.id}/owner`,
      { ownerId: 'u-rep-2' },
      as.managerA,
    );
    const position = last.position ?? 0;

    expect(await pipeline('owner=u-rep-1', position)).toEqual({
      stages: { proposal: { count: 1, amount: '33333.35', weightedAmount: '16666.68' } },
      open: { count: 1, amount: '33333.35', weightedAmount: '16666.68' },
    });
    expect(await pipeline('owner=u-rep-2', position)).toEqual({
      stages: {
        negotiation: { count: 1, amount: '100000.00', weightedAmount: '80000.00' },
        won: { count: 1, amount: '48000.00', weightedAmount: '48000.00' },
      },
      open: { count: 1, amount: '100000.00', weightedAmount: '80000.00' },
    });
    expect(await pipeline('team=team-a', position)).toEqual({
      stages: {
        proposal: { count: 1, amount: '33333.35', weightedAmount: '16666.68' },
        negotiation: { count: 1, amount: '100000.00', weightedAmount: '80000.00' },
        won: { count: 1, amount: '48000.00', weightedAmount: '48000.00' },
      },
      open: { count: 2, amount: '133333.35', weightedAmount: '96666.68' },
    });
    expect((await pipeline('team=team-b', position)).stages).toEqual({
      lost: { count: 1, amount: '80000.00', weightedAmount: '0.00' },
    });
    // Everything the admin sees: both teams.
    expect((await pipeline('', position)).open).toEqual({
      count: 2,
      amount: '133333.35',
      weightedAmount: '96666.68',
    });
    // A manager without filter: the team's members.
    expect((await pipeline('', position, as.managerB)).stages).toEqual({
      lost: { count: 1, amount: '80000.00', weightedAmount: '0.00' },
    });
  });

  it('puts a reopened deal back in its stage and counts it once', async () => {
    const a = await openOpportunity(api, { amount: '1000.00' });
    await write(api, 'POST', `/opportunities/${a.id}/lose`, { reason: 'timing' });
    const last = await write(
      api,
      'POST',
      `/opportunities/${a.id}/reopen`,
      { reason: 'back' },
      as.managerA,
    );
    expect(await pipeline('owner=u-rep-1', last.position ?? 0)).toEqual({
      stages: { qualification: { count: 1, amount: '1000.00', weightedAmount: '100.00' } },
      open: { count: 1, amount: '1000.00', weightedAmount: '100.00' },
    });
  });

  it('scopes by role: a rep sees their own, not a colleague nor a team (404)', async () => {
    const { position } = await openOpportunity(api);
    expect((await pipeline('', position, as.rep1)).open).toMatchObject({ count: 1 });
    expect((await pipeline('', position, as.rep2)).open).toMatchObject({ count: 0 });
    const colleague = await api.request('GET', '/pipeline?owner=u-rep-1', { as: as.rep2 });
    expectProblem(colleague, 404, 'OWNER_NOT_FOUND');
    const team = await api.request('GET', '/pipeline?team=team-a', { as: as.rep1 });
    expectProblem(team, 404, 'TEAM_NOT_FOUND');
    const otherTeam = await api.request('GET', '/pipeline?team=team-a', { as: as.managerB });
    expectProblem(otherTeam, 404, 'TEAM_NOT_FOUND');
    expect((await pipeline('team=team-a', position, as.managerA)).open).toMatchObject({ count: 1 });
  });

  it('lists the configured stages at /pipeline/stages', async () => {
    const answer = await api.request('GET', '/pipeline/stages');
    expect(answer.body).toEqual({
      pipelineId: 'default',
      stages: [
        { stage: 'qualification', probability: 10 },
        { stage: 'needs_analysis', probability: 20 },
        { stage: 'proposal', probability: 50 },
        { stage: 'negotiation', probability: 80 },
      ],
      closedStages: [
        { stage: 'won', probability: 100 },
        { stage: 'lost', probability: 0 },
      ],
    });
  });
});

describe('a configured pipeline', () => {
  it('is listed at /pipeline/stages and opens new opportunities in its first stage', async () => {
    const configured = await buildSalesTestApp({
      pipeline: {
        pipelineId: 'projects',
        stages: [
          { stage: 'discovery', probability: 5 },
          { stage: 'tender', probability: 40 },
        ],
      },
    });
    try {
      const stages = await configured.request('GET', '/pipeline/stages');
      expect(stages.body).toMatchObject({
        pipelineId: 'projects',
        stages: [{ stage: 'discovery' }, { stage: 'tender' }],
      });
      const { id } = await openOpportunity(configured, { amount: '1000.00' });
      await write(configured, 'PUT', `/opportunities/${id}/stage`, { stage: 'tender' });
      const view = await configured.request('GET', `/opportunities/${id}?waitForRevision=1`);
      expect(view.body).toMatchObject({
        pipelineId: 'projects',
        stage: 'tender',
        weightedAmount: '400.00',
      });
      const proposal = await configured.request('PUT', `/opportunities/${id}/stage`, {
        body: { stage: 'proposal' },
      });
      expectProblem(proposal, 422, 'UNKNOWN_STAGE');
    } finally {
      await configured.close();
    }
  });
});

describe('GET /opportunities/closing', () => {
  it('lists the open ones expected this month or quarter, in Shanghai days', async () => {
    await openOpportunity(api, { name: 'may first', expectedCloseDate: '2026-05-01' });
    await openOpportunity(api, {
      name: 'may last',
      expectedCloseDate: '2026-05-31',
      amount: '10.00',
    });
    await openOpportunity(api, { name: 'june', expectedCloseDate: '2026-06-30' });
    await openOpportunity(api, { name: 'july', expectedCloseDate: '2026-07-01' });
    await openOpportunity(api, { name: 'april', expectedCloseDate: '2026-04-01' });
    await openOpportunity(api, { name: 'march', expectedCloseDate: '2026-03-31' });
    const won = await openOpportunity(api, { name: 'won in may', expectedCloseDate: '2026-05-15' });
    const last = await write(api, 'POST', `/opportunities/${won.id}/win`, { actualAmount: '1.00' });
    const closing = async (period: string) => {
      const answer = await api.request(
        'GET',
        `/opportunities/closing?period=${period}&waitForPosition=${last.position ?? 0}`,
      );
      return answer.body;
    };
    const month = await closing('month');
    expect(month).toMatchObject({ period: 'month', from: '2026-05-01', to: '2026-05-31' });
    expect((month.items as { name: string }[]).map((item) => item.name)).toEqual([
      'may first',
      'may last',
    ]);
    expect(month.totals).toEqual([
      { currency: 'CNY', count: 2, amount: '100010.00', weightedAmount: '10001.00' },
    ]);
    const quarter = await closing('quarter');
    expect(quarter).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
    expect((quarter.items as { name: string }[]).map((item) => item.name)).toEqual([
      'april',
      'may first',
      'may last',
      'june',
    ]);
  });

  it('takes the month of the Shanghai day: 31 May 17:00 UTC is already June', async () => {
    api.setNow('2026-05-31T17:00:00.000Z');
    const { position } = await openOpportunity(api, { expectedCloseDate: '2026-06-10' });
    const answer = await api.request('GET', `/opportunities/closing?waitForPosition=${position}`);
    expect(answer.body).toMatchObject({ from: '2026-06-01', to: '2026-06-30' });
    expect(answer.body.items).toHaveLength(1);
  });
});
