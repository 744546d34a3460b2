// Working a lead over HTTP: follow-up tasks and "my due follow-ups", activities, the follow-up
// status, qualify / disqualify, If-Match (409 when stale) and reads as of a time.
import { describe, expect, it } from 'vitest';
import { people } from './lead-test-support.ts';
import { useLeadTestApp } from './lead-test-app.ts';

const { t, api, time } = useLeadTestApp();

const rep = () => api.as('sales_rep', people.rep);
const otherRep = () => api.as('sales_rep', people.otherRep);
const manager = () => api.as('sales_manager', people.manager);
const inHours = (hours: number) =>
  new Date(time.clock().getTime() + hours * 3_600_000).toISOString();

describe('follow-up tasks', () => {
  it('schedules (201, a retry with the same id 200) and completes them', async () => {
    const { id } = await api.capture(await rep());
    const task = { taskId: 'task-1', dueAt: inHours(24), remindAt: inHours(23), note: '报价' };
    const scheduled = await api.post(`/leads/${id}/follow-ups`, await rep(), task);
    expect(scheduled.statusCode).toBe(201);
    const retry = await api.post(`/leads/${id}/follow-ups`, await rep(), task);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ changed: false });
    const done = await api.post(`/leads/${id}/follow-ups/task-1/complete`, await rep(), {
      outcome: '已发报价',
    });
    expect(done.statusCode).toBe(200);
    const unknown = await api.post(`/leads/${id}/follow-ups/task-9/complete`, await rep(), {});
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'FOLLOW_UP_NOT_FOUND' });
  });

  it('refuses bad times: malformed 400 naming the field, in the past or reminder after due 422', async () => {
    const { id } = await api.capture(await rep());
    const malformed = await api.post(`/leads/${id}/follow-ups`, await rep(), {
      dueAt: 'tomorrow',
      remindAt: '2026-03-02 10:00',
    });
    expect(malformed.statusCode).toBe(400);
    const paths = malformed.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths.sort()).toEqual(['dueAt', 'remindAt']);
    const past = await api.post(`/leads/${id}/follow-ups`, await rep(), { dueAt: inHours(-2) });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({
      code: 'INVALID_FIELD',
      details: { field: 'dueAt', reason: 'in_past' },
    });
    const late = await api.post(`/leads/${id}/follow-ups`, await rep(), {
      dueAt: inHours(2),
      remindAt: inHours(3),
    });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ details: { field: 'remindAt', reason: 'after_due_at' } });
  });

  it("lists a rep's due follow-ups, overdue first, and nobody else's", async () => {
    const me = await api.as('sales_rep', people.otherRep);
    const { id } = await api.capture(me);
    await api.post(`/leads/${id}/follow-ups`, me, { taskId: 'later', dueAt: inHours(48) });
    await api.post(`/leads/${id}/follow-ups`, me, { taskId: 'sooner', dueAt: inHours(2) });
    time.advanceHours(3);
    await api.settle();
    const due = await t.app.inject({ url: '/lead-follow-ups/due', headers: me });
    expect(due.statusCode).toBe(200);
    expect(due.json<{ items: object[] }>().items).toMatchObject([
      { leadId: id, taskId: 'sooner', overdue: true },
      { leadId: id, taskId: 'later', overdue: false },
    ]);
    const others = await t.app.inject({
      url: `/lead-follow-ups/due?ownerId=${people.otherRep}`,
      headers: await api.as('sales_rep', people.outsider),
    });
    expect(others.json()).toEqual({ items: [], nextCursor: null });
    const byManager = await t.app.inject({
      url: `/lead-follow-ups/due?ownerId=${people.otherRep}`,
      headers: await manager(),
    });
    expect(byManager.json<{ items: object[] }>().items).toHaveLength(2);
    // Handing the lead to another rep hands its tasks over too.
    await api.post(`/leads/${id}/reassign`, await manager(), { ownerId: people.rep });
    await api.settle();
    const mine = await t.app.inject({ url: '/lead-follow-ups/due', headers: await rep() });
    expect(mine.json<{ items: { leadId: string }[] }>().items.map((task) => task.leadId)).toContain(
      id,
    );
    const gone = await t.app.inject({ url: '/lead-follow-ups/due', headers: me });
    expect(gone.json<{ items: { leadId: string }[] }>().items).toEqual([]);
  });
});

describe('activities, status, qualification', () => {
  it('logs an activity, which moves the follow-up clock', async () => {
    const { id } = await api.capture(await rep());
    const occurredAt = time.clock().toISOString();
    const logged = await api.post(`/leads/${id}/activities`, await rep(), {
      kind: 'wechat',
      occurredAt,
      summary: '加了微信，约下周拜访',
    });
    expect(logged.statusCode).toBe(201);
    const lead = await api.get(await rep(), id, 1);
    expect(lead.json()).toMatchObject({ activityCount: 1, lastFollowUpAt: occurredAt });
    const future = await api.post(`/leads/${id}/activities`, await rep(), {
      kind: 'call',
      occurredAt: new Date(time.clock().getTime() + 86_400_000).toISOString(),
      summary: '未来',
    });
    expect(future.statusCode).toBe(422);
    const badKind = await api.post(`/leads/${id}/activities`, await rep(), {
      kind: 'fax',
      occurredAt,
      summary: '',
    });
    expect(badKind.statusCode).toBe(400);
    const paths = badKind.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths.sort()).toEqual(['kind', 'summary']);
  });

  it('moves the follow-up status forward, never back to new (409)', async () => {
    const { id } = await api.capture(await rep());
    const forward = await api.post(`/leads/${id}/follow-up-status`, await rep(), {
      status: 'negotiating',
    });
    expect(forward.statusCode).toBe(200);
    const back = await api.post(`/leads/${id}/follow-up-status`, await rep(), { status: 'new' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'ILLEGAL_FOLLOW_UP_TRANSITION' });
  });

  it('If-Match: the current ETag writes, a stale one is 409', async () => {
    const { id, revision } = await api.capture(await rep());
    const stale = String(revision + 5);
    const refused = await api.post(`/leads/${id}/qualify`, await rep(), {}, { 'if-match': stale });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    const ok = await api.post(
      `/leads/${id}/qualify`,
      await rep(),
      {},
      {
        'if-match': `"${revision}"`,
      },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe(`"${revision + 1}"`);
    const malformed = await api.post(`/leads/${id}/qualify`, await rep(), {}, { 'if-match': 'x' });
    expect(malformed.statusCode).toBe(400);
  });

  it('disqualifies with a reason (other needs a note: 422); then it is closed (409)', async () => {
    const { id } = await api.capture(await rep());
    const bare = await api.post(`/leads/${id}/disqualify`, await rep(), { reason: 'other' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ details: { field: 'note', reason: 'required' } });
    const badReason = await api.post(`/leads/${id}/disqualify`, await rep(), { reason: 'meh' });
    expect(badReason.statusCode).toBe(400);
    const done = await api.post(`/leads/${id}/disqualify`, await rep(), { reason: 'no_budget' });
    expect(done.statusCode).toBe(200);
    const after = await api.post(`/leads/${id}/qualify`, await rep(), {});
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'LEAD_DISQUALIFIED' });
    const lead = await api.get(await rep(), id, 1);
    expect(lead.json()).toMatchObject({
      status: 'disqualified',
      disqualification: { reason: 'no_budget' },
    });
  });

  it('reads a lead as it was at a time (asOf, from the log)', async () => {
    const { id } = await api.capture(await rep());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await api.post(`/leads/${id}/qualify`, await rep(), { note: '预算已确认' });
    const then = await t.app.inject({ url: `/leads/${id}?asOf=${before}`, headers: await rep() });
    expect(then.statusCode).toBe(200);
    expect(then.json()).toMatchObject({ status: 'open', revision: 0, asOf: before });
    const now = await api.get(await rep(), id, 1);
    expect(now.json()).toMatchObject({ status: 'qualified', revision: 1 });
    const beforeCapture = await t.app.inject({
      url: `/leads/${id}?asOf=2020-01-01T00:00:00Z`,
      headers: await rep(),
    });
    expect(beforeCapture.statusCode).toBe(404);
    const hidden = await t.app.inject({
      url: `/leads/${id}?asOf=${before}`,
      headers: await otherRep(),
    });
    expect(hidden.statusCode).toBe(404);
  });
});
