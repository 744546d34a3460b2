// Lead conversion between two real processes: the customers service and the opportunities service,
// each on its own PostgreSQL schema and FerretDB database, talking only through Kafka (a topic
// prefix and consumer groups unique to this run). The conversion event also arrives twice, and
// while the customers service is down; a registration is refused and the lead linked instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDistributedRun, type DistributedRun } from './distributed-run.ts';
import { eventually } from './eventually.ts';

const WAIT_MS = 30_000;

let run: DistributedRun;
beforeAll(async () => {
  run = await startDistributedRun();
});
// Every process goes, whatever failed.
afterAll(() => run?.close());

const rep = (...args: Parameters<DistributedRun['rep']>) => run.rep(...args);
const admin = (...args: Parameters<DistributedRun['admin']>) => run.admin(...args);

async function qualifiedLead(body: object): Promise<string> {
  const captured = await rep('POST', '/leads', { source: 'website', ...body });
  expect(captured.status, JSON.stringify(captured.json)).toBe(201);
  const id = String(captured.json.id);
  expect((await rep('POST', `/leads/${id}/qualify`, {})).status).toBe(200);
  return id;
}

async function convert(leadId: string) {
  const converted = await rep('POST', `/leads/${leadId}/convert`, {
    opportunity: { amount: '86000.00', expectedCloseDate: '2026-12-31' },
  });
  expect(converted.status, JSON.stringify(converted.json)).toBe(201);
  return converted.json as unknown as {
    customerId: string;
    opportunityId: string;
    revision: number;
  };
}

const leadOnce = (leadId: string, progress: string) =>
  eventually(
    `lead ${leadId} to show its conversion ${progress}`,
    async () => {
      const lead = await rep('GET', `/leads/${leadId}`);
      return lead.json.conversion?.progress === progress ? lead.json : undefined;
    },
    WAIT_MS,
  );

const customerOnce = (customerId: string) =>
  eventually(
    `customer ${customerId} to be registered by the customers process`,
    async () => {
      const customer = await admin('GET', `/customers/${customerId}`);
      return customer.status === 200 ? customer.json : undefined;
    },
    WAIT_MS,
  );

describe('lead conversion between the customers and opportunities processes over Kafka', () => {
  it('registers the new customer once, however often the conversion arrives', async () => {
    const phone = '13761880301';
    const leadId = await qualifiedLead({
      name: '黄思远',
      company: '上海臻远医疗器械有限公司',
      phones: [phone],
      industry: 'health_social_work',
    });
    const { customerId, opportunityId } = await convert(leadId);

    const customer = await customerOnce(customerId);
    expect(customer).toMatchObject({
      kind: 'company',
      phones: ['+8613761880301'],
      source: 'lead_conversion',
      ownerId: 'u-li-lei',
      revision: 0,
    });
    const lead = await leadOnce(leadId, 'completed');
    expect(lead.conversion).toMatchObject({ customerId, opportunityId });
    const opportunity = await rep('GET', `/opportunities/${opportunityId}?waitForRevision=0`);
    expect(opportunity.json).toMatchObject({ customerId, status: 'open', amount: '86000.00' });

    // The same message again on the topic, as a redelivery or a replay would bring it.
    const message = await run.convertedMessage(leadId, WAIT_MS);
    await run.bus.publish(run.opportunitiesTopic, [
      { key: message.key, value: message.value, headers: message.headers },
    ]);
    // One partition: once a later conversion's customer exists, the repeat has been handled.
    const marker = await qualifiedLead({ name: '沈佳怡', phones: ['13957330304'] });
    await customerOnce((await convert(marker)).customerId);

    const withPhone = await admin('GET', `/customers?phone=${phone}&status=all`);
    expect(withPhone.json.items.map((item) => item._id)).toEqual([customerId]);
    expect((await admin('GET', `/customers/${customerId}`)).json.revision).toBe(0);
  }, 120_000);

  it('a conversion made while the customers service is down is carried out when it is back', async () => {
    await run.stopCustomers();
    const leadId = await qualifiedLead({ name: '冯凯', phones: ['13915080305'] });
    const { customerId, opportunityId, revision } = await convert(leadId);

    const opportunity = await rep('GET', `/opportunities/${opportunityId}?waitForRevision=0`);
    expect(opportunity.json).toMatchObject({ customerId, status: 'open' });
    const waiting = await rep('GET', `/leads/${leadId}?waitForRevision=${revision}`);
    expect(waiting.json.conversion).toMatchObject({ progress: 'awaiting_customer', customerId });

    await run.startCustomers();
    await customerOnce(customerId);
    await leadOnce(leadId, 'completed');
  }, 120_000);

  it('shows why the registration was refused; the lead is then linked to the existing customer', async () => {
    const existing = await admin('POST', '/customers', {
      kind: 'person',
      name: '顾志强',
      phones: ['13962150306'],
    });
    expect(existing.status, JSON.stringify(existing.json)).toBe(201);
    const existingCustomerId = String(existing.json.id);
    const leadId = await qualifiedLead({ name: '顾志强', phones: ['13962150306'] });
    const { customerId, opportunityId } = await convert(leadId);

    const blocked = await leadOnce(leadId, 'blocked');
    expect(blocked.conversion).toMatchObject({
      opportunityId,
      requestedCustomerId: customerId,
      blockedReason: 'DUPLICATE_CONTACT',
      existingCustomerId,
    });
    expect((await admin('GET', `/customers/${customerId}`)).status).toBe(404);

    const linked = await rep('POST', `/leads/${leadId}/link-customer`, {
      customerId: existingCustomerId,
    });
    expect(linked.status, JSON.stringify(linked.json)).toBe(200);
    const completed = await leadOnce(leadId, 'completed');
    expect(completed.conversion).toMatchObject({ opportunityId, customerId: existingCustomerId });
    // The deal opened at conversion moves to the existing customer (revision 1: the change).
    const opportunity = await rep('GET', `/opportunities/${opportunityId}?waitForRevision=1`);
    expect(opportunity.status).toBe(200);
    expect(opportunity.json).toMatchObject({
      status: 'open',
      customerId: existingCustomerId,
      leadId,
    });
  }, 120_000);
});
