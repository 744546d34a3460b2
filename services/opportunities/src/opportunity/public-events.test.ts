import { opportunityEventSchemas, opportunityPublicEventTypes } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import type { OpportunityEvent } from './opportunity.ts';
import { aLoss, anOpenedOpportunity, aWin, ids } from './fixtures.ts';
import { toPublicEvent } from './public-events.ts';

const id = { opportunityId: ids.opportunity };

/** One of each internal event, as full as it gets; the type makes leaving one out a compile error. */
const oneOfEach: {
  [Type in OpportunityEvent['type']]: Extract<OpportunityEvent, { type: Type }>;
} = {
  OpportunityOpened: anOpenedOpportunity({ leadId: ids.lead }),
  StageChanged: {
    type: 'StageChanged',
    data: { ...id, stage: 'proposal', previousStage: 'qualification', probability: 50 },
  },
  LineItemsUpdated: {
    type: 'LineItemsUpdated',
    data: {
      ...id,
      lineItems: anOpenedOpportunity().data.lineItems,
      amount: { amount: '90000.00', currency: 'CNY' },
    },
  },
  AmountUpdated: {
    type: 'AmountUpdated',
    data: {
      ...id,
      amount: { amount: '250000.50', currency: 'USD' },
      previousAmount: { amount: '200000.00', currency: 'USD' },
    },
  },
  ExpectedCloseChanged: {
    type: 'ExpectedCloseChanged',
    data: { ...id, expectedCloseDate: '2026-06-30', previousExpectedCloseDate: '2026-04-30' },
  },
  CompetitorNoted: {
    type: 'CompetitorNoted',
    data: { ...id, competitor: { name: '德国某机床', strengths: '品牌', weaknesses: '交期长' } },
  },
  OpportunityOwnerAssigned: {
    type: 'OpportunityOwnerAssigned',
    data: {
      ...id,
      ownerId: ids.otherRep,
      previousOwnerId: ids.salesRep,
      team: ids.otherTeam,
      previousTeam: ids.team,
    },
  },
  OpportunityWon: aWin(),
  OpportunityLost: aLoss({ reason: 'competitor', competitor: '德国某机床', note: '品牌' }),
  OpportunityReopened: {
    type: 'OpportunityReopened',
    data: { ...id, reason: '重开', stage: 'proposal', probability: 50, previousStatus: 'lost' },
  },
  OpportunityCustomerChanged: {
    type: 'OpportunityCustomerChanged',
    data: {
      ...id,
      customerId: 'cus-existing',
      previousCustomerId: ids.customer,
      reason: 'lead_linked_to_existing_customer',
      changedBy: ids.salesRep,
      changedAt: '2026-03-02T01:30:00.000Z',
    },
  },
};

const cases = Object.values(oneOfEach).map((event) => [event.type, event] as const);

describe('toPublicEvent', () => {
  it.each(cases)('maps %s to a public event its contract accepts, unchanged', (_, event) => {
    const published = toPublicEvent(event);
    const parsed = opportunityEventSchemas[published.type].safeParse(published.data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // Parsing strips what the contract does not know: equal means nothing leaked past it.
    expect(parsed.data).toEqual(published.data);
    expect(published.data.opportunityId).toBe(ids.opportunity);
  });

  // Today every public event says exactly what its fact says; when they diverge, say how here.
  it.each(cases)('carries every field of %s', (_, event) => {
    expect(toPublicEvent(event).data).toEqual(event.data);
  });

  it('publishes every public type, one internal event each', () => {
    const published = Object.values(oneOfEach).map((event) => toPublicEvent(event).type);
    expect(published.toSorted()).toEqual(opportunityPublicEventTypes.toSorted());
  });

  it('leaves out the optional fields an event does not have', () => {
    const { sourceCampaignId: _campaign, ...withoutCampaign } = aWin().data;
    expect(
      toPublicEvent({ type: 'OpportunityWon', data: withoutCampaign }).data,
    ).not.toHaveProperty('sourceCampaignId');
    expect(toPublicEvent(anOpenedOpportunity()).data).not.toHaveProperty('leadId');
    expect(toPublicEvent(aLoss()).data).not.toHaveProperty('competitor');
  });
});
