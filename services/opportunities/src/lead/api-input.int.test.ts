// Every lead write route refuses bad input with 400 naming each bad field, answers 404 for a lead
// that does not exist and 401 without a token.
import { beforeAll, describe, expect, it } from 'vitest';
import { useLeadTestApp } from './lead-test-app.ts';
import { people } from './lead-test-support.ts';

const { t, api } = useLeadTestApp();
let leadId: string;
beforeAll(async () => {
  leadId = (await api.capture(await api.as('sales_rep', people.rep))).id;
});

/** Each route, a body with bad fields, and the fields the answer must name. */
const routes: [string, object, string[]][] = [
  ['assign', { rule: 'lottery', ownerId: 7 }, ['ownerId', 'rule']],
  ['reassign', { reason: '' }, ['ownerId', 'reason']],
  ['release', { reason: 42 }, ['reason']],
  ['move', { poolId: '' }, ['poolId']],
  ['follow-up-status', { status: 'hot' }, ['status']],
  ['follow-ups', { taskId: 'bad id!', dueAt: 'soon' }, ['dueAt', 'taskId']],
  ['activities', { kind: 'call' }, ['occurredAt', 'summary']],
  ['qualify', { note: 5 }, ['note']],
  ['disqualify', { reason: 'bored' }, ['reason']],
  [
    'convert',
    { opportunityId: '', existingCustomerId: 1 },
    ['existingCustomerId', 'opportunityId'],
  ],
  ['link-customer', {}, ['customerId']],
];

describe('bad input on every lead write route', () => {
  it.each(routes)('POST /leads/:id/%s names each bad field (400)', async (route, body, fields) => {
    const response = await api.post(
      `/leads/${leadId}/${route}`,
      await api.as('sales_manager', people.manager),
      body,
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const paths = response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect([...new Set(paths)].sort()).toEqual(fields);
  });

  it.each(['claim', 'qualify', 'release'])(
    'POST /leads/:id/%s on no lead is 404',
    async (route) => {
      const response = await api.post(
        `/leads/lead-nobody/${route}`,
        await api.as('sales_manager', people.manager),
        route === 'release' ? { reason: '不需要' } : {},
      );
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'LEAD_NOT_FOUND' });
    },
  );

  it('answers 401 without a token and 403 to roles that may not write leads', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: `/leads/${leadId}/claim` });
    expect(anonymous.statusCode).toBe(401);
    const analyst = await api.post(`/leads/${leadId}/qualify`, await api.as('analyst', 'u-an'), {});
    expect(analyst.statusCode).toBe(403);
    const marketer = await api.post(`/leads/${leadId}/claim`, await api.as('marketer', 'u-mk'), {});
    expect(marketer.statusCode).toBe(403);
    expect((await t.app.inject({ url: `/leads/${leadId}` })).statusCode).toBe(401);
  });

  it('a manager assigns by rule through the route; nobody eligible leaves it in the pool', async () => {
    const manager = await api.as('sales_manager', people.manager);
    const { id } = await api.capture(manager);
    const ruled = await api.post(`/leads/${id}/assign`, manager, { rule: 'round_robin' });
    expect(ruled.statusCode).toBe(200);
    expect([people.rep, people.otherRep]).toContain(ruled.json<{ ownerId: string }>().ownerId);
    const other = await api.capture(manager, { industry: 'mining' });
    const none = await api.post(`/leads/${other.id}/assign`, manager, { rule: 'industry' });
    expect(none.json()).toMatchObject({ ownerId: null, changed: false });
  });
});
