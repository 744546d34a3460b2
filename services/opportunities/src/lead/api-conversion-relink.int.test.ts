// A conversion the customers service refused (duplicate phone), linked to the existing customer:
// the opportunity opened at conversion follows, in its detail, list, history and public events.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { conversionSteps } from './conversion-test-support.ts';
import { useLeadTestApp } from './lead-test-app.ts';

const { t, api, time } = useLeadTestApp();
const { rep, qualifiedLead, customersSay, leadOnceIt } = conversionSteps(t, api, time);

async function blockedConversion() {
  const id = await qualifiedLead();
  const { customerId, opportunityId } = (
    await api.post(`/leads/${id}/convert`, await rep(), {})
  ).json<{ customerId: string; opportunityId: string }>();
  const existingCustomerId = randomUUID();
  await customersSay({
    type: 'crm.customer.registration_rejected.v1',
    data: {
      customerId,
      leadId: id,
      reason: 'DUPLICATE_CONTACT',
      existingCustomerId,
      rejectedAt: time.clock().toISOString(),
    },
  });
  await leadOnceIt(id, (view) => view.conversion?.progress === 'blocked');
  return { id, customerId, opportunityId, existingCustomerId };
}

const opportunity = async (opportunityId: string) => {
  await api.settle();
  const response = await t.app.inject({
    url: `/opportunities/${opportunityId}`,
    headers: await rep(),
  });
  expect(response.statusCode).toBe(200);
  return response.json<{ customerId: string; status: string; leadId: string }>();
};

describe('POST /leads/:id/link-customer re-points the lead opportunity', () => {
  it('GET /opportunities/:id shows the existing customer after the link', async () => {
    const { id, customerId, opportunityId, existingCustomerId } = await blockedConversion();
    expect((await opportunity(opportunityId)).customerId).toBe(customerId);

    const link = { customerId: existingCustomerId };
    expect((await api.post(`/leads/${id}/link-customer`, await rep(), link)).statusCode).toBe(200);
    expect(await opportunity(opportunityId)).toMatchObject({
      customerId: existingCustomerId,
      status: 'open',
      leadId: id,
    });

    const list = await t.app.inject({
      url: `/opportunities?customerId=${existingCustomerId}`,
      headers: await rep(),
    });
    expect(list.json<{ items: { id?: string; _id?: string }[] }>().items).toHaveLength(1);
    const history = await t.app.inject({
      url: `/opportunities/${opportunityId}/history`,
      headers: await rep(),
    });
    const changes = history
      .json<{ items: { type: string; data: Record<string, unknown> }[] }>()
      .items.filter((entry) => entry.type === 'OpportunityCustomerChanged');
    expect(changes.map((entry) => entry.data)).toEqual([
      expect.objectContaining({
        previousCustomerId: customerId,
        customerId: existingCustomerId,
        reason: 'lead_linked_to_existing_customer',
      }),
    ]);
  });

  it('a repeated link (say, a retry after a crash) moves the deal once and ends right', async () => {
    const { id, opportunityId, existingCustomerId } = await blockedConversion();
    const link = { customerId: existingCustomerId };
    for (const _ of [1, 2]) {
      expect((await api.post(`/leads/${id}/link-customer`, await rep(), link)).statusCode).toBe(
        200,
      );
    }
    expect((await opportunity(opportunityId)).customerId).toBe(existingCustomerId);
    const stream = await t.service.deps.eventStore.readStream(`opportunity-${opportunityId}`);
    expect(stream.filter((e) => e.type === 'OpportunityCustomerChanged')).toHaveLength(1);
  });

  it('a link whose re-point was lost is completed by the next link call', async () => {
    const { id, customerId, opportunityId, existingCustomerId } = await blockedConversion();
    // The lead's half alone, as if the process died before the opportunity's write.
    const leadOnly = await t.service.leads.load(id);
    expect(leadOnly.state.status).toBe('converted');
    const linked = {
      id: randomUUID(),
      type: 'LeadLinkedToCustomer',
      data: {
        leadId: id,
        customerId: existingCustomerId,
        previousCustomerId: customerId,
        opportunityId,
        linkedBy: 'usr-test',
      },
      metadata: { correlationId: 'corr', causationId: 'cause', actor: 'usr-test' },
    };
    await t.service.deps.eventStore.append(`lead-${id}`, [linked], {
      expectedRevision: leadOnly.revision,
    });
    expect((await opportunity(opportunityId)).customerId).toBe(customerId);
    const again = await api.post(`/leads/${id}/link-customer`, await rep(), {
      customerId: existingCustomerId,
    });
    expect(again.json<{ changed: boolean }>().changed).toBe(false);
    expect((await opportunity(opportunityId)).customerId).toBe(existingCustomerId);
  });
});
