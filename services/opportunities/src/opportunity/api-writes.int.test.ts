// Opening and changing opportunities through the API, and the domain's refusals as HTTP answers.
import { describe, expect, it } from 'vitest';
import { aLine, openOpportunity, write } from '../testing/sales-client.ts';
import { as, expectProblem, useSalesTestApp, type Caller } from '../testing/sales-test-app.ts';

const api = useSalesTestApp();

const read = async (id: string, revision: number, caller: Caller = as.rep1) =>
  (await api.request('GET', `/opportunities/${id}?waitForRevision=${revision}`, { as: caller }))
    .body;

describe('POST /opportunities', () => {
  it('opens with the caller as owner, the team from the teams, the first stage', async () => {
    const answer = await api.request('POST', '/opportunities', {
      body: {
        id: 'opp-1',
        customerId: 'cus-1',
        name: '数控机床采购',
        lineItems: [aLine()],
        expectedCloseDate: '2026-06-15',
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.location).toBe('/opportunities/opp-1');
    expect(answer.headers.etag).toBe('"0"');
    expect(await read('opp-1', 0)).toMatchObject({
      _id: 'opp-1',
      ownerId: 'u-rep-1',
      team: 'team-a',
      status: 'open',
      stage: 'qualification',
      probability: 10,
      amount: '90000.00',
      weightedAmount: '9000.00',
      currency: 'CNY',
      customerName: '上海华东机械有限公司',
      createdBy: 'u-rep-1',
    });
  });

  it('refuses a customer the lookup knows as merged: 422 CUSTOMER_NOT_ACTIVE', async () => {
    api.customers.set('cus-9', {
      customerId: 'cus-9',
      name: 'x',
      kind: 'person',
      ownerId: null,
      status: 'merged',
      mergedInto: 'cus-1',
      phones: [],
      emails: [],
      revision: 3,
    });
    const answer = await api.request('POST', '/opportunities', {
      body: { customerId: 'cus-9', name: 'x', expectedCloseDate: '2026-06-15' },
    });
    expect(expectProblem(answer, 422, 'CUSTOMER_NOT_ACTIVE')).toMatchObject({
      mergedInto: 'cus-1',
    });
  });

  it('answers 409 OPPORTUNITY_ALREADY_OPENED for a taken id', async () => {
    await openOpportunity(api, { id: 'opp-1' });
    const again = await api.request('POST', '/opportunities', {
      body: { id: 'opp-1', customerId: 'cus-1', name: 'x', expectedCloseDate: '2026-06-15' },
    });
    expectProblem(again, 409, 'OPPORTUNITY_ALREADY_OPENED');
  });
});

describe('changing an opportunity', () => {
  it('moves stage, amount, close date, competitors, and shows the stage history', async () => {
    const { id } = await openOpportunity(api);
    await write(api, 'PUT', `/opportunities/${id}/stage`, { stage: 'proposal' });
    await write(api, 'PUT', `/opportunities/${id}/amount`, { amount: '120000.50' });
    await write(api, 'PUT', `/opportunities/${id}/expected-close`, {
      expectedCloseDate: '2026-07-01',
    });
    const last = await write(api, 'POST', `/opportunities/${id}/competitors`, {
      name: '沈阳机床',
      strengths: '价格低',
    });
    const view = await read(id, last.revision);
    expect(view).toMatchObject({
      stage: 'proposal',
      probability: 50,
      amount: '120000.50',
      weightedAmount: '60000.25',
      expectedCloseDate: '2026-07-01',
      competitors: [{ name: '沈阳机床', strengths: '价格低' }],
      revision: 4,
    });
    expect((view.stageHistory as { stage: string }[]).map((step) => step.stage)).toEqual([
      'qualification',
      'proposal',
    ]);
  });

  it('answers changed false for a command that changes nothing', async () => {
    const { id } = await openOpportunity(api);
    const answer = await write(api, 'PUT', `/opportunities/${id}/stage`, {
      stage: 'qualification',
    });
    expect(answer).toMatchObject({ changed: false, position: null, revision: 0 });
  });

  it('refuses won as a stage (422 CLOSING_STAGE_NOT_ALLOWED) and an unknown one (422)', async () => {
    const { id } = await openOpportunity(api);
    const won = await api.request('PUT', `/opportunities/${id}/stage`, { body: { stage: 'won' } });
    expectProblem(won, 422, 'CLOSING_STAGE_NOT_ALLOWED');
    const unknown = await api.request('PUT', `/opportunities/${id}/stage`, {
      body: { stage: 'signing' },
    });
    expect(expectProblem(unknown, 422, 'UNKNOWN_STAGE')).toMatchObject({
      details: { stages: ['qualification', 'needs_analysis', 'proposal', 'negotiation'] },
    });
  });

  it('refuses a win without an amount: 422 AMOUNT_REQUIRED (and at 0)', async () => {
    const { id } = await openOpportunity(api);
    expectProblem(
      await api.request('POST', `/opportunities/${id}/win`, { body: {} }),
      422,
      'AMOUNT_REQUIRED',
    );
    expectProblem(
      await api.request('POST', `/opportunities/${id}/win`, { body: { actualAmount: '0.00' } }),
      422,
      'AMOUNT_REQUIRED',
    );
  });

  it('wins at the actual amount, then refuses stage changes: 409 OPPORTUNITY_CLOSED', async () => {
    const { id } = await openOpportunity(api);
    const won = await write(api, 'POST', `/opportunities/${id}/win`, { actualAmount: '95000' });
    expect(await read(id, won.revision)).toMatchObject({
      status: 'won',
      amount: '95000.00',
      weightedAmount: '95000.00',
      probability: 100,
      closedAt: '2026-05-20T02:00:00.000Z',
    });
    const moved = await api.request('PUT', `/opportunities/${id}/stage`, {
      body: { stage: 'proposal' },
    });
    expect(expectProblem(moved, 409, 'OPPORTUNITY_CLOSED')).toMatchObject({
      details: { status: 'won' },
    });
  });

  it('loses with a reason; a competitor reason needs the competitor (422 INVALID_FIELD)', async () => {
    const { id } = await openOpportunity(api);
    const missing = await api.request('POST', `/opportunities/${id}/lose`, {
      body: { reason: 'competitor' },
    });
    expect(expectProblem(missing, 422, 'INVALID_FIELD')).toMatchObject({
      details: { field: 'competitor', reason: 'required' },
    });
    const lost = await write(api, 'POST', `/opportunities/${id}/lose`, {
      reason: 'competitor',
      competitor: '沈阳机床',
    });
    expect(await read(id, lost.revision)).toMatchObject({
      status: 'lost',
      lossReason: 'competitor',
      lossCompetitor: '沈阳机床',
      weightedAmount: '0.00',
    });
  });

  it('lets a manager reopen (a rep gets 403), back to the stage it closed from', async () => {
    const { id } = await openOpportunity(api);
    await write(api, 'PUT', `/opportunities/${id}/stage`, { stage: 'negotiation' });
    await write(api, 'POST', `/opportunities/${id}/lose`, { reason: 'timing' });
    const byRep = await api.request('POST', `/opportunities/${id}/reopen`, {
      body: { reason: '客户重启预算' },
    });
    expectProblem(byRep, 403, 'FORBIDDEN');
    const reopened = await write(
      api,
      'POST',
      `/opportunities/${id}/reopen`,
      { reason: '客户重启预算' },
      as.managerA,
    );
    expect(await read(id, reopened.revision)).toMatchObject({
      status: 'open',
      stage: 'negotiation',
      probability: 80,
      lossReason: null,
    });
  });

  it('replaces line items, the amount following; a direct amount is then 409', async () => {
    const { id } = await openOpportunity(api);
    const lines = await write(api, 'PUT', `/opportunities/${id}/line-items`, {
      lineItems: [aLine(), aLine({ lineId: 'l-2', quantity: 1, unitPrice: '1234.5678' })],
    });
    expect(await read(id, lines.revision)).toMatchObject({ amount: '91111.11' });
    const amount = await api.request('PUT', `/opportunities/${id}/amount`, {
      body: { amount: '1.00' },
    });
    expectProblem(amount, 409, 'AMOUNT_SET_BY_LINE_ITEMS');
  });

  it('hands an opportunity to another rep of the team; a rep may not (403)', async () => {
    const { id } = await openOpportunity(api);
    expectProblem(
      await api.request('PUT', `/opportunities/${id}/owner`, { body: { ownerId: 'u-rep-2' } }),
      403,
      'FORBIDDEN',
    );
    const outside = await api.request('PUT', `/opportunities/${id}/owner`, {
      as: as.managerA,
      body: { ownerId: 'u-rep-3' },
    });
    expectProblem(outside, 403, 'OWNER_OUT_OF_REACH');
    const handed = await write(
      api,
      'PUT',
      `/opportunities/${id}/owner`,
      { ownerId: 'u-rep-2' },
      as.managerA,
    );
    expect(await read(id, handed.revision, as.managerA)).toMatchObject({
      ownerId: 'u-rep-2',
      team: 'team-a',
    });
  });
});

describe('If-Match', () => {
  it('applies a write pinned to the current revision, refuses a stale one with 409', async () => {
    const { id } = await openOpportunity(api);
    const pinned = await api.request('PUT', `/opportunities/${id}/stage`, {
      body: { stage: 'proposal' },
      headers: { 'if-match': '"0"' },
    });
    expect(pinned.status).toBe(200);
    expect(pinned.headers.etag).toBe('"1"');
    const stale = await api.request('PUT', `/opportunities/${id}/amount`, {
      body: { amount: '5.00' },
      headers: { 'if-match': '"0"' },
    });
    expect(expectProblem(stale, 409, 'CONCURRENCY_CONFLICT')).toMatchObject({
      expectedRevision: 0,
      actualRevision: 1,
    });
  });
});
