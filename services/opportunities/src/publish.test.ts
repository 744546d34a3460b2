import { fromBinaryMessage } from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import { aLeadCaptured, aLeadConverted } from './lead/fixtures.ts';
import { anOpenedOpportunity } from './opportunity/fixtures.ts';
import { anOrderPlaced } from './order/fixtures.ts';
import { toOpportunitiesMessage } from './publish.ts';
import { aDraftedQuote } from './quote/fixtures.ts';

const recorded = (streamId: string, event: { type: string; data: unknown }): RecordedEvent => ({
  id: '0b9a3a36-6d0e-4d7e-9d8c-1f0b7b2f0c01',
  streamId,
  type: event.type,
  revision: 3,
  position: 42,
  data: event.data,
  metadata: { actor: 'u-li-lei', correlationId: 'corr-1', causationId: 'req-1' },
  recordedAt: '2026-03-02T01:30:00.000Z',
});

const published = (event: RecordedEvent) => fromBinaryMessage(toOpportunitiesMessage(event));

describe('what the relay publishes on crm.opportunities.v1', () => {
  it('each aggregate category through its own public events, keyed by the aggregate id', () => {
    const cases = [
      [recorded('lead-lead-1001', aLeadCaptured()), 'crm.lead.captured.v1', 'lead-1001'],
      [recorded('lead-lead-1001', aLeadConverted()), 'crm.lead.converted.v1', 'lead-1001'],
      [
        recorded('opportunity-opp-2002', anOpenedOpportunity()),
        'crm.opportunity.opened.v1',
        'opp-2002',
      ],
      [recorded('quote-q-1', aDraftedQuote()), 'crm.quote.drafted.v1', 'q-1'],
      [recorded('order-o-1', anOrderPlaced()), 'crm.order.placed.v1', 'o-1'],
    ] as const;
    for (const [event, type, key] of cases) {
      const message = toOpportunitiesMessage(event);
      expect(message.key).toBe(key);
      const cloudEvent = published(event);
      expect(cloudEvent).toMatchObject({
        type,
        source: 'crm/opportunities',
        subject: key,
        actor: 'u-li-lei',
        correlationid: 'corr-1',
      });
    }
  });

  it('carries the customer registration a conversion asks for', () => {
    const event = published(recorded('lead-lead-1001', aLeadConverted()));
    expect(event.data).toMatchObject({
      leadId: 'lead-1001',
      customerRegistration: { customerId: 'cus-lead-1001', source: 'lead_conversion' },
    });
  });

  it('stops on an event that breaks its contract, or a stream it cannot map', () => {
    const broken = aLeadCaptured();
    expect(() =>
      toOpportunitiesMessage(
        recorded('lead-lead-1001', {
          ...broken,
          data: { ...broken.data, phones: ['not-a-phone'] },
        }),
      ),
    ).toThrow();
    expect(() => toOpportunitiesMessage(recorded('ticket-1', aLeadCaptured()))).toThrow(
      /no public events/,
    );
  });
});
