// Lead pools over HTTP: claims (one winner of a race, the claim limit), release, a manager's moves
// and reassignments, and who may see what (404 for the rest).
import { describe, expect, it } from 'vitest';
import { people } from './lead-test-support.ts';
import { useLeadTestApp } from './lead-test-app.ts';

const { t, api } = useLeadTestApp();

const manager = () => api.as('sales_manager', people.manager);
const rep = () => api.as('sales_rep', people.rep);
const otherRep = () => api.as('sales_rep', people.otherRep);
const outsider = () => api.as('sales_rep', people.outsider);

describe('claiming from a pool', () => {
  it('two reps claiming at once: exactly one wins, the other gets 409', async () => {
    const { id } = await api.capture(await manager());
    const [a, b] = await Promise.all([
      api.post(`/leads/${id}/claim`, await rep()),
      api.post(`/leads/${id}/claim`, await otherRep()),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'LEAD_ALREADY_CLAIMED' });
    const winner = a.statusCode === 200 ? people.rep : people.otherRep;
    const lead = await api.get(await manager(), id, 1);
    expect(lead.json()).toMatchObject({ ownerId: winner });
  });

  it('a rep holds at most the pool claim limit of open leads (409 CLAIM_LIMIT_REACHED)', async () => {
    const holder = await api.as('sales_rep', 'u-li-lei');
    // The east pool allows 2 open claims; the race above may have given this rep one already.
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await api.capture(await manager())).id);
    const answers = [];
    for (const id of ids) answers.push((await api.post(`/leads/${id}/claim`, holder)).statusCode);
    expect(answers).toContain(409);
    const refused = await api.post(`/leads/${ids[2]!}/claim`, holder);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CLAIM_LIMIT_REACHED',
      details: { limit: 2, openClaims: 2 },
    });
    // Releasing one frees a claim.
    const held = ids[answers.indexOf(200)]!;
    const released = await api.post(`/leads/${held}/release`, holder, { reason: '客户暂无需求' });
    expect(released.statusCode).toBe(200);
    expect((await api.post(`/leads/${ids[2]!}/claim`, holder)).statusCode).toBe(200);
  });

  it('a rep cannot see or claim a lead in another team pool (404)', async () => {
    const { id } = await api.capture(await manager());
    const claim = await api.post(`/leads/${id}/claim`, await outsider());
    expect(claim.statusCode).toBe(404);
    expect(claim.json()).toMatchObject({ code: 'LEAD_NOT_FOUND' });
    expect((await api.get(await outsider(), id)).statusCode).toBe(404);
  });

  it('a lead owned by someone else is 404 to another rep, for reads and writes', async () => {
    const { id } = await api.capture(await rep(), { ownerId: people.rep });
    expect((await api.get(await otherRep(), id)).statusCode).toBe(404);
    const release = await api.post(`/leads/${id}/release`, await otherRep(), { reason: 'x' });
    expect(release.statusCode).toBe(404);
    expect((await api.get(await manager(), id)).statusCode).toBe(200);
    expect((await api.get(await api.as('sales_manager', people.otherManager), id)).statusCode).toBe(
      404,
    );
    expect((await api.get(await api.as('analyst', 'u-analyst'), id)).statusCode).toBe(200);
  });
});

describe("a manager's moves", () => {
  it('reassigns with a reason and moves a lead into another pool; the history keeps both', async () => {
    const { id } = await api.capture(await manager(), { ownerId: people.rep });
    const reassigned = await api.post(`/leads/${id}/reassign`, await manager(), {
      ownerId: people.otherRep,
      reason: '李雷休假',
    });
    expect(reassigned.statusCode).toBe(200);
    const moved = await api.post(`/leads/${id}/move`, await manager(), {
      poolId: 'pool-north',
      reason: '客户在北京',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ revision: 2, changed: true });
    await api.settle();
    const timeline = await t.app.inject({
      url: `/leads/${id}/timeline`,
      headers: await api.as('admin', 'u-admin'),
    });
    expect(
      timeline.json<{ items: { type: string; actor: string; data: object }[] }>().items,
    ).toMatchObject([
      { type: 'LeadCaptured', actor: people.manager },
      {
        type: 'LeadReassigned',
        data: { ownerId: people.otherRep, previousOwnerId: people.rep, reason: '李雷休假' },
      },
      { type: 'LeadMovedToPool', data: { poolId: 'pool-north', reason: '客户在北京' } },
    ]);
    // Now in the north pool: the east manager no longer sees it, the north rep does.
    expect((await api.get(await manager(), id, 2)).statusCode).toBe(404);
    expect((await api.get(await outsider(), id, 2)).statusCode).toBe(200);
  });

  it('reps may not reassign, assign or move (403); unknown pools are 422', async () => {
    const { id } = await api.capture(await rep());
    for (const [path, body] of [
      ['reassign', { ownerId: people.otherRep }],
      ['assign', { ownerId: people.otherRep }],
      ['move', { poolId: 'pool-north' }],
    ] as const) {
      expect((await api.post(`/leads/${id}/${path}`, await rep(), body)).statusCode).toBe(403);
    }
    const unknown = await api.post(`/leads/${id}/move`, await manager(), { poolId: 'pool-moon' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_POOL' });
  });

  it('manual assignment needs an owner (400 naming ownerId); assigning an owned lead is 409', async () => {
    const { id } = await api.capture(await manager());
    const missing = await api.post(`/leads/${id}/assign`, await manager(), { rule: 'manual' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('ownerId');
    const assigned = await api.post(`/leads/${id}/assign`, await manager(), {
      ownerId: people.rep,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ ownerId: people.rep, changed: true });
    const again = await api.post(`/leads/${id}/assign`, await manager(), {
      ownerId: people.otherRep,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'LEAD_ALREADY_ASSIGNED' });
  });

  it('pools list what waits in them, for those who may see them', async () => {
    const { id } = await api.capture(await manager());
    await api.settle();
    const pools = await t.app.inject({ url: '/lead-pools', headers: await rep() });
    const items = pools.json<{ items: { id: string; waiting: number }[] }>().items;
    expect(items.map((pool) => pool.id)).toEqual(['pool-east']);
    expect(items[0]!.waiting).toBeGreaterThan(0);
    const contents = await t.app.inject({
      url: '/lead-pools/pool-east/leads?limit=200',
      headers: await rep(),
    });
    expect(contents.json<{ items: { leadId: string }[] }>().items.map((l) => l.leadId)).toContain(
      id,
    );
    const hidden = await t.app.inject({
      url: '/lead-pools/pool-north/leads',
      headers: await rep(),
    });
    expect(hidden.statusCode).toBe(404);
  });
});
