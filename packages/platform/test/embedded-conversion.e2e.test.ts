// Lead conversion across the two services of the one-command run (createPlatform, as main.ts
// builds it, on a temp data folder): the opportunities service asks for a customer by event only,
// the customers service registers it (or refuses it) and the lead learns the outcome from
// crm.customers.v1 — through the shared embedded bus, every request as the demo rep.
import { topics } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedPlatform } from './embedded-platform.ts';
import { eventually } from './eventually.ts';

let run: EmbeddedPlatform;
beforeAll(async () => {
  run = await startEmbedded();
});
afterAll(() => run?.close());

const rep = () => run.as('u-li-lei');
const admin = () => run.as('u-admin');

async function qualifiedLead(body: object): Promise<string> {
  const captured = await rep()('POST', '/leads', { source: 'website', ...body });
  expect(captured.status, JSON.stringify(captured.json)).toBe(201);
  const id = String(captured.json.id);
  expect((await rep()('POST', `/leads/${id}/qualify`, {})).status).toBe(200);
  return id;
}

async function convert(leadId: string, body: object = {}) {
  const converted = await rep()('POST', `/leads/${leadId}/convert`, body);
  expect(converted.status, JSON.stringify(converted.json)).toBe(201);
  return converted.json as unknown as {
    customerId: string;
    opportunityId: string;
    revision: number;
  };
}

const leadOnce = (leadId: string, progress: string) =>
  eventually(`lead ${leadId} to show its conversion ${progress}`, async () => {
    const lead = await rep()('GET', `/leads/${leadId}`);
    return lead.json.conversion?.progress === progress ? lead.json : undefined;
  });

const customerOnce = (customerId: string) =>
  eventually(`customer ${customerId} to be registered`, async () => {
    const customer = await admin()('GET', `/customers/${customerId}`);
    return customer.status === 200 ? customer.json : undefined;
  });

describe('lead conversion on the one-command run', () => {
  it('registers the new customer under the id derived from the lead, once however often asked', async () => {
    const phone = '13761880101';
    const leadId = await qualifiedLead({
      name: '黄思远',
      company: '上海臻远医疗器械有限公司',
      phones: [phone],
      region: { province: '上海市', city: '上海市' },
      industry: 'health_social_work',
    });
    const { customerId, opportunityId } = await convert(leadId, {
      opportunity: {
        name: '臻远医疗 CRM 一期',
        amount: '186000.00',
        expectedCloseDate: '2026-12-31',
      },
    });

    const customer = await customerOnce(customerId);
    expect(customer).toMatchObject({
      kind: 'company',
      profile: { name: '上海臻远医疗器械有限公司' },
      phones: ['+8613761880101'],
      source: 'lead_conversion',
      ownerId: 'u-li-lei',
      revision: 0,
    });
    const lead = await leadOnce(leadId, 'completed');
    expect(lead.conversion).toMatchObject({
      opportunityId,
      customerId,
      requestedCustomerId: customerId,
    });
    const opportunity = await rep()('GET', `/opportunities/${opportunityId}?waitForRevision=0`);
    expect(opportunity.status).toBe(200);
    expect(opportunity.json).toMatchObject({ customerId, status: 'open', amount: '186000.00' });
    // The same lead converted again (a second click) answers with the same ids.
    const again = await rep()('POST', `/leads/${leadId}/convert`, {});
    expect(again.json).toMatchObject({ customerId, opportunityId, changed: false });

    // The converted event arrives a second time, as a redelivery would bring it.
    const { event, message } = await run.findMessage(
      topics.opportunities,
      `crm.lead.converted.v1 of lead ${leadId}`,
      (candidate) =>
        candidate.type === 'crm.lead.converted.v1' &&
        (candidate.data as { leadId?: string }).leadId === leadId,
    );
    expect(event.data).toMatchObject({ customerRegistration: { customerId } });
    await run.platform.bus.publish(topics.opportunities, [
      { key: message.key, value: message.value, headers: message.headers },
    ]);
    // The embedded bus keeps one order per topic: once a later conversion's customer exists,
    // the repeat before it has been handled.
    const marker = await qualifiedLead({ name: '沈佳怡', phones: ['13957330104'] });
    await customerOnce((await convert(marker)).customerId);

    const withPhone = await admin()('GET', `/customers?phone=${phone}&status=all`);
    expect(withPhone.json.items.map((item) => item._id)).toEqual([customerId]);
    const after = await admin()('GET', `/customers/${customerId}`);
    expect(after.json.revision).toBe(0);
    const timeline = await admin()('GET', `/customers/${customerId}/timeline`);
    expect(timeline.json.items.map((entry) => entry['type'])).toEqual(['CustomerRegistered']);
  }, 60_000);

  it('shows why a registration was refused (a customer has the phone); linking completes it', async () => {
    const existing = await admin()('POST', '/customers', {
      kind: 'person',
      name: '顾志强',
      phones: ['13962150202'],
    });
    expect(existing.status).toBe(201);
    const existingCustomerId = String(existing.json.id);
    const leadId = await qualifiedLead({ name: '顾志强', phones: ['13962150202'] });
    const { customerId, opportunityId } = await convert(leadId);

    const blocked = await leadOnce(leadId, 'blocked');
    expect(blocked.conversion).toMatchObject({
      opportunityId,
      requestedCustomerId: customerId,
      blockedReason: 'DUPLICATE_CONTACT',
      existingCustomerId,
    });
    expect((await admin()('GET', `/customers/${customerId}`)).status).toBe(404);

    const linked = await rep()('POST', `/leads/${leadId}/link-customer`, {
      customerId: existingCustomerId,
    });
    expect(linked.status, JSON.stringify(linked.json)).toBe(200);
    const completed = await leadOnce(leadId, 'completed');
    expect(completed.conversion).toMatchObject({ opportunityId, customerId: existingCustomerId });
    // The deal opened at conversion moves to the existing customer (revision 1: the change).
    const opportunity = await rep()('GET', `/opportunities/${opportunityId}?waitForRevision=1`);
    expect(opportunity.status).toBe(200);
    expect(opportunity.json).toMatchObject({
      status: 'open',
      customerId: existingCustomerId,
      leadId,
    });
  }, 60_000);
});
