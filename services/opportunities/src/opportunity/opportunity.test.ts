import { fold } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import { evolve, initialState, type OpportunityEvent } from './opportunity.ts';
import { aLineItem, aLoss, anOpenedOpportunity, aWin, ids, now } from './fixtures.ts';
import { defaultPipeline } from './rules/pipeline.ts';

const opportunity = { initialState, evolve };
const id = { opportunityId: ids.opportunity };

describe('evolve', () => {
  it('remembers what decisions need from a whole history', () => {
    const history: OpportunityEvent[] = [
      anOpenedOpportunity({ leadId: ids.lead }),
      {
        type: 'StageChanged',
        data: { ...id, stage: 'proposal', previousStage: 'qualification', probability: 50 },
      },
      {
        type: 'LineItemsUpdated',
        data: {
          ...id,
          lineItems: [{ ...aLineItem, quantity: 3, netAmount: '135000.00' }],
          amount: { amount: '135000.00', currency: 'CNY' },
        },
      },
      {
        type: 'ExpectedCloseChanged',
        data: { ...id, expectedCloseDate: '2026-06-30', previousExpectedCloseDate: '2026-04-30' },
      },
      { type: 'CompetitorNoted', data: { ...id, competitor: { name: 'A' } } },
      { type: 'CompetitorNoted', data: { ...id, competitor: { name: 'B' } } },
      { type: 'CompetitorNoted', data: { ...id, competitor: { name: 'A', strengths: '便宜' } } },
      {
        type: 'OpportunityOwnerAssigned',
        data: {
          ...id,
          ownerId: ids.otherRep,
          previousOwnerId: ids.salesRep,
          team: ids.otherTeam,
          previousTeam: ids.team,
        },
      },
    ];
    expect(fold(opportunity, history)).toEqual({
      status: 'open',
      opportunityId: ids.opportunity,
      customerId: ids.customer,
      name: '深圳示例科技 数控机床采购',
      ownerId: ids.otherRep,
      team: ids.otherTeam,
      amount: { amount: '135000.00', currency: 'CNY' },
      lineItems: [{ ...aLineItem, quantity: 3, netAmount: '135000.00' }],
      expectedCloseDate: '2026-06-30',
      stage: 'proposal',
      pipeline: defaultPipeline,
      competitors: [{ name: 'A', strengths: '便宜' }, { name: 'B' }],
      sourceCampaignId: ids.campaign,
      leadId: ids.lead,
    });
  });

  it('takes the actual amount as its amount when won', () => {
    const won = fold(opportunity, [anOpenedOpportunity(), aWin()]);
    expect(won).toMatchObject({
      status: 'won',
      amount: { amount: '88000.00', currency: 'CNY' },
      closedAt: now,
    });
  });

  it('keeps the reason while lost, and forgets it when reopened', () => {
    const lost = fold(opportunity, [anOpenedOpportunity(), aLoss({ reason: 'timing' })]);
    expect(lost).toMatchObject({ status: 'lost', lossReason: 'timing', closedAt: now });
    const reopened = evolve(lost, {
      type: 'OpportunityReopened',
      data: {
        ...id,
        reason: '重开',
        stage: 'negotiation',
        probability: 80,
        previousStatus: 'lost',
      },
    });
    expect(reopened).toMatchObject({ status: 'open', stage: 'negotiation' });
    expect(reopened).not.toHaveProperty('lossReason');
    expect(reopened).not.toHaveProperty('closedAt');
  });

  it('forgets when it was won once reopened', () => {
    const reopened = fold(opportunity, [
      anOpenedOpportunity(),
      aWin(),
      {
        type: 'OpportunityReopened',
        data: { ...id, reason: '重开', stage: 'proposal', probability: 50, previousStatus: 'won' },
      },
    ]);
    expect(reopened).toMatchObject({ status: 'open', stage: 'proposal' });
    expect(reopened).not.toHaveProperty('closedAt');
  });

  it('ignores facts about an opportunity it never saw opened', () => {
    expect(evolve(initialState, aWin())).toEqual(initialState);
  });
});
