// Capturing leads over HTTP: server or client ids, idempotent retries, bad input, the customer flag.
import { randomUUID } from 'node:crypto';
import { toBinaryMessage, topics } from '@crm/contracts';
import { waitUntil } from '@crm/event-processing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/test-app.ts';
import { aLeadBody, movableClock, people, POOLS, TEAMS } from './lead-test-support.ts';

let t: TestApp;
const time = movableClock();
beforeAll(async () => {
  t = await buildTestApp({ teams: TEAMS, pools: POOLS, clock: time.clock });
});
afterAll(() => t.close());

const rep = () => t.tokenFor('sales_rep', people.rep);
const manager = () => t.tokenFor('sales_manager', people.manager);

async function capture(body: object, headers: { authorization: string }) {
  return t.app.inject({ method: 'POST', url: '/leads', headers, payload: body });
}

describe('POST /leads', () => {
  it('captures with a server id; a rep keeps the lead, in the pool of its region', async () => {
    const response = await capture(aLeadBody(), await rep());
    expect(response.statusCode).toBe(201);
    const { id, revision } = response.json<{ id: string; revision: number }>();
    expect(response.headers.location).toBe(`/leads/${id}`);
    expect(response.headers.etag).toBe('"0"');
    const lead = await t.app.inject({
      url: `/leads/${id}?waitForRevision=${revision}`,
      headers: await rep(),
    });
    expect(lead.statusCode).toBe(200);
    expect(lead.json()).toMatchObject({
      leadId: id,
      ownerId: people.rep,
      poolId: 'pool-east',
      status: 'open',
      followUpStatus: 'new',
      phones: [expect.stringMatching(/^\+86138/)],
    });
  });

  it('a client id makes a retry safe: same content 200 unchanged, other content 409', async () => {
    const id = `lead-${randomUUID()}`;
    const body = aLeadBody({ id });
    expect((await capture(body, await manager())).statusCode).toBe(201);
    const retry = await capture(body, await manager());
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id, revision: 0, changed: false });
    const other = await capture({ ...body, name: '别人' }, await manager());
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'LEAD_ALREADY_CAPTURED' });
  });

  it('a manager captures into the pool; with a rule it goes to a rep of the team', async () => {
    const pooled = await capture(aLeadBody(), await manager());
    const { id, revision } = pooled.json<{ id: string; revision: number }>();
    const view = await t.app.inject({
      url: `/leads/${id}?waitForRevision=${revision}`,
      headers: await manager(),
    });
    expect(view.json()).toMatchObject({ ownerId: null, poolId: 'pool-east' });

    const ruled = await capture(aLeadBody({ assign: 'round_robin' }), await manager());
    expect(ruled.statusCode).toBe(201);
    const assigned = ruled.json<{ id: string; revision: number }>();
    expect(assigned.revision).toBe(1);
    const lead = await t.app.inject({
      url: `/leads/${assigned.id}?waitForRevision=1`,
      headers: await manager(),
    });
    expect([people.rep, people.otherRep]).toContain(lead.json<{ ownerId: string }>().ownerId);
  });

  it('names every bad field (400)', async () => {
    const response = await capture(
      {
        name: '',
        phones: ['12'],
        emails: ['nope'],
        source: 'pigeon',
        region: { province: '上海' },
      },
      await rep(),
    );
    expect(response.statusCode).toBe(400);
    const fields = response
      .json<{ errors: { path: string }[] }>()
      .errors.map((error) => error.path)
      .sort();
    expect(fields).toEqual(
      expect.arrayContaining(['name', 'phones.0', 'emails.0', 'source', 'region.city']),
    );
  });

  it('needs a phone or an e-mail (400 on phones)', async () => {
    const response = await capture(aLeadBody({ phones: [], emails: [] }), await rep());
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('phones');
  });

  it('refuses an unknown pool (422) and a rep capturing for someone else (403)', async () => {
    const pool = await capture(aLeadBody({ poolId: 'pool-moon' }), await manager());
    expect(pool.statusCode).toBe(422);
    expect(pool.json()).toMatchObject({ code: 'UNKNOWN_POOL' });
    const forOther = await capture(aLeadBody({ ownerId: people.otherRep }), await rep());
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json()).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('support agents and analysts may not capture (403); without a token 401', async () => {
    const agent = await capture(aLeadBody(), await t.tokenFor('support_agent'));
    expect(agent.statusCode).toBe(403);
    const analyst = await capture(aLeadBody(), await t.tokenFor('analyst'));
    expect(analyst.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/leads', payload: aLeadBody() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('flags a lead whose phone belongs to an existing customer', async () => {
    const customerId = randomUUID();
    const message = toBinaryMessage({
      specversion: '1.0',
      id: randomUUID(),
      source: 'crm/customers',
      type: 'crm.customer.registered.v1',
      subject: customerId,
      time: time.clock().toISOString(),
      datacontenttype: 'application/json',
      correlationid: 'corr',
      causationid: 'cause',
      actor: people.manager,
      streamrevision: 0,
      data: {
        customerId,
        kind: 'company',
        profile: { name: '上海已有客户' },
        phones: ['+8613900139000'],
        emails: [],
        tags: [],
        classification: { lifecycleStage: 'customer' },
        source: 'referral',
        ownerId: people.rep,
      },
    });
    await t.bus.publish(topics.customers, [message]);
    const known = await waitUntil(
      async () => (await t.service.deps.customers.get(customerId)) !== null,
      t.service.projector,
      5_000,
    );
    expect(known).toBe(true);
    const response = await capture(aLeadBody({ phones: ['139 0013 9000'] }), await rep());
    const { id, revision } = response.json<{ id: string; revision: number }>();
    const lead = await t.app.inject({
      url: `/leads/${id}?waitForRevision=${revision}`,
      headers: await rep(),
    });
    expect(lead.json()).toMatchObject({ matchingCustomerId: customerId });
  });
});
