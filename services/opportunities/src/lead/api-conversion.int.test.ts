// Converting leads over HTTP: the opportunity it opens, the customer it links or asks for (an id
// derived from the lead id), and the customers service's answer arriving on crm.customers.v1.
import { randomUUID } from 'node:crypto';
import { customerIdForLead, type CustomerPublicEvent } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { conversionSteps } from './conversion-test-support.ts';
import { people } from './lead-test-support.ts';
import { useLeadTestApp } from './lead-test-app.ts';

const { t, api, time } = useLeadTestApp();

const { rep, qualifiedLead, customersSay, leadOnceIt, read } = conversionSteps(t, api, time);

describe('POST /leads/:id/convert', () => {
  it('needs a qualified lead (409 LEAD_NOT_QUALIFIED)', async () => {
    const { id } = await api.capture(await rep());
    const response = await api.post(`/leads/${id}/convert`, await rep(), {});
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'LEAD_NOT_QUALIFIED' });
  });

  it('opens the opportunity and asks for a customer whose id derives from the lead id', async () => {
    const id = await qualifiedLead();
    const response = await api.post(`/leads/${id}/convert`, await rep(), {
      opportunity: { amount: '50000.00', expectedCloseDate: '2026-06-30' },
    });
    expect(response.statusCode).toBe(201);
    const { opportunityId, customerId } = response.json<{
      opportunityId: string;
      customerId: string;
    }>();
    expect(customerId).toBe(customerIdForLead(id));
    const opportunity = await t.service.opportunities.load(opportunityId);
    expect(opportunity.state).toMatchObject({ status: 'open', customerId, leadId: id });
    const lead = await read(id);
    expect(lead).toMatchObject({
      status: 'converted',
      conversion: {
        opportunityId,
        customerId,
        requestedCustomerId: customerId,
        progress: 'awaiting_customer',
      },
    });
    // A second click answers with what the first made.
    const again = await api.post(`/leads/${id}/convert`, await rep(), {});
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ opportunityId, customerId, changed: false });
  });

  it('completes when the customers service registers that customer (even twice)', async () => {
    const id = await qualifiedLead();
    const { customerId } = (await api.post(`/leads/${id}/convert`, await rep(), {})).json<{
      customerId: string;
    }>();
    const registered: CustomerPublicEvent = {
      type: 'crm.customer.registered.v1',
      data: {
        customerId,
        leadId: id,
        kind: 'company',
        profile: { name: '上海精工机械' },
        phones: [],
        emails: [],
        tags: [],
        classification: { lifecycleStage: 'prospect' },
        source: 'lead_conversion',
        ownerId: people.rep,
      },
    };
    await customersSay(registered);
    await customersSay(registered);
    const lead = await leadOnceIt(id, (view) => view.conversion?.progress === 'completed');
    expect(lead.conversion).toMatchObject({ progress: 'completed', customerId });
  });

  it('a refused registration blocks it; the owner links the existing customer', async () => {
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
    const blocked = await leadOnceIt(id, (view) => view.conversion?.progress === 'blocked');
    expect(blocked.conversion).toMatchObject({
      blockedReason: 'DUPLICATE_CONTACT',
      existingCustomerId,
    });
    const wrong = await api.post(`/leads/${id}/link-customer`, await rep(), {});
    expect(wrong.statusCode).toBe(400);
    const linked = await api.post(`/leads/${id}/link-customer`, await rep(), {
      customerId: existingCustomerId,
    });
    expect(linked.statusCode).toBe(200);
    const lead = await read(id);
    expect(lead.conversion).toMatchObject({
      progress: 'completed',
      customerId: existingCustomerId,
      opportunityId,
    });
  });

  it('links an existing customer directly; linking an unblocked conversion is 409', async () => {
    const id = await qualifiedLead();
    const existingCustomerId = randomUUID();
    const response = await api.post(`/leads/${id}/convert`, await rep(), { existingCustomerId });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ customerId: existingCustomerId });
    expect((await read(id)).conversion).toMatchObject({
      progress: 'completed',
      requestedCustomerId: null,
    });
    const link = await api.post(`/leads/${id}/link-customer`, await rep(), {
      customerId: randomUUID(),
    });
    expect(link.statusCode).toBe(409);
    expect(link.json()).toMatchObject({ code: 'CONVERSION_NOT_BLOCKED' });
  });

  it('another rep cannot convert it (404); bad input is 400', async () => {
    const id = await qualifiedLead();
    const other = await api.post(
      `/leads/${id}/convert`,
      await api.as('sales_rep', people.otherRep),
      {},
    );
    expect(other.statusCode).toBe(404);
    const bad = await api.post(`/leads/${id}/convert`, await rep(), {
      kind: 'robot',
      opportunity: { amount: 'lots' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths.sort()).toEqual(['kind', 'opportunity.amount']);
  });
});
