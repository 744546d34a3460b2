// The steps of the lead conversion API tests: a qualified lead, the customers service's answer on
// crm.customers.v1, and waiting for the lead to reach a conversion state. For tests only.
import { randomUUID } from 'node:crypto';
import { toBinaryMessage, topics, type CustomerPublicEvent } from '@crm/contracts';
import { waitUntil } from '@crm/event-processing';
import { expect } from 'vitest';
import type { LeadView } from '../projections/lead-view.ts';
import type { TestApp } from '../testing/test-app.ts';
import type { leadClient } from './lead-api-client.ts';
import { people, type movableClock } from './lead-test-support.ts';

export function conversionSteps(
  t: TestApp,
  api: ReturnType<typeof leadClient>,
  time: ReturnType<typeof movableClock>,
) {
  const rep = () => api.as('sales_rep', people.rep);
  const read = async (id: string) => {
    await api.settle();
    return (await api.get(await rep(), id)).json<LeadView>();
  };
  return {
    rep,
    read,
    qualifiedLead: async () => {
      const { id } = await api.capture(await rep());
      expect((await api.post(`/leads/${id}/qualify`, await rep(), {})).statusCode).toBe(200);
      return id;
    },
    /** What the customers service would publish on crm.customers.v1. */
    customersSay: async (event: CustomerPublicEvent, revision = 0) => {
      const message = toBinaryMessage({
        specversion: '1.0',
        id: randomUUID(),
        source: 'crm/customers',
        type: event.type,
        subject: event.data.customerId,
        time: time.clock().toISOString(),
        datacontenttype: 'application/json',
        correlationid: 'corr',
        causationid: 'cause',
        actor: 'system:lead-conversions',
        streamrevision: revision,
        data: event.data,
      });
      await t.bus.publish(topics.customers, [message]);
    },
    leadOnceIt: async (id: string, done: (lead: LeadView) => boolean): Promise<LeadView> => {
      let lead: LeadView | null = null;
      await waitUntil(
        async () => {
          const converted = (await t.service.leads.load(id)).state.status === 'converted';
          lead = converted ? await read(id) : null;
          return lead !== null && done(lead);
        },
        t.service.projector,
        5_000,
      );
      return lead!;
    },
  };
}
