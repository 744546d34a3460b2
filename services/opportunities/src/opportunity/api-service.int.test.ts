// The sales routes inside the whole service (buildTestApp): a converted lead's opportunity is in
// the rep's list and pipeline, its customer's name arrives with crm.customers.v1, and the order of
// its accepted quote carries that name: the service never calls the customers service.
import { randomUUID } from 'node:crypto';
import { toBinaryMessage, topics } from '@crm/contracts';
import { waitUntil } from '@crm/event-processing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/test-app.ts';

const REP = 'u-li-lei';
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: () => new Date('2026-05-20T02:00:00.000Z') });
});
afterAll(async () => {
  expect(t.projectionErrors).toEqual([]);
  await t.close();
});

const call = async (method: 'GET' | 'POST', url: string, body?: object) => {
  const answer = await t.app.inject({
    method,
    url,
    headers: await t.tokenFor('sales_rep', REP),
    ...(body === undefined ? {} : { payload: body }),
  });
  expect(answer.statusCode, answer.body).toBeLessThan(300);
  return answer.json<Record<string, unknown>>();
};

describe('a converted lead in the sales routes', () => {
  it('opens an opportunity the rep sees, named after the customer once it is registered', async () => {
    const lead = await call('POST', '/leads', {
      name: '韩梅梅',
      company: '上海精工机械',
      phones: ['13800138123'],
      source: 'exhibition',
    });
    await call('POST', `/leads/${String(lead.id)}/qualify`, {});
    const converted = await call('POST', `/leads/${String(lead.id)}/convert`, {
      opportunity: { amount: '50000.00', expectedCloseDate: '2026-06-30' },
    });
    const opportunityId = String(converted.opportunityId);
    const customerId = String(converted.customerId);

    const opened = await call('GET', `/opportunities/${opportunityId}?waitForRevision=0`);
    expect(opened).toMatchObject({
      ownerId: REP,
      team: 'team-east',
      leadId: lead.id,
      customerId,
      amount: '50000.00',
      weightedAmount: '5000.00',
      customerName: null,
    });
    const pipeline = await call('GET', `/pipeline?owner=${REP}`);
    expect(pipeline.open).toEqual({ count: 1, amount: '50000.00', weightedAmount: '5000.00' });

    await t.bus.publish(topics.customers, [
      toBinaryMessage({
        specversion: '1.0',
        id: randomUUID(),
        source: 'crm/customers',
        type: 'crm.customer.registered.v1',
        subject: customerId,
        time: '2026-05-20T02:00:01.000Z',
        datacontenttype: 'application/json',
        correlationid: 'corr',
        causationid: 'cause',
        actor: 'system:lead-conversions',
        streamrevision: 0,
        data: {
          customerId,
          leadId: lead.id,
          kind: 'company',
          profile: { name: '上海精工机械有限公司' },
          phones: ['+8613800138123'],
          emails: [],
          tags: [],
          classification: { lifecycleStage: 'prospect' },
          source: 'lead_conversion',
          ownerId: REP,
        },
      }),
    ]);
    const named = await waitUntil(
      async () => (await t.service.deps.customers.get(customerId)) !== null,
      t.service.projector,
      5_000,
    );
    expect(named).toBe(true);
    const mine = await call('GET', '/opportunities/mine');
    expect(mine.items).toMatchObject([
      { _id: opportunityId, customerName: '上海精工机械有限公司' },
    ]);

    const quote = await call('POST', `/opportunities/${opportunityId}/quotes`, {
      lines: [
        {
          lineId: 'l-1',
          productId: 'SKU-1',
          productName: '精密轴承',
          quantity: 10,
          unitPrice: '5000',
        },
      ],
      validUntil: '2026-06-30',
    });
    await call('POST', `/quotes/${String(quote.id)}/issue`);
    await call('POST', `/quotes/${String(quote.id)}/accept`);
    const order = await call('POST', '/orders', {
      quoteId: quote.id,
      billingAddress: { province: '上海市', city: '上海市' },
      shippingAddress: { province: '上海市', city: '上海市' },
    });
    const [placed] = await t.service.deps.eventStore.readStream(`order-${String(order.id)}`);
    expect(placed?.data).toMatchObject({
      customer: { customerId, name: '上海精工机械有限公司', kind: 'company' },
      ownerId: REP,
      totals: { net: '50000.00', tax: '6500.00', total: '56500.00' },
    });
  });
});
