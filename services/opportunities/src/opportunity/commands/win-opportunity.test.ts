import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { opportunityDecider } from '../decide.ts';
import { aCommand, aLoss, anOpenedOpportunity, aWin, ids, now } from '../fixtures.ts';

const { given } = specification(opportunityDecider);
const toNegotiation = {
  type: 'StageChanged',
  data: {
    opportunityId: ids.opportunity,
    stage: 'negotiation',
    previousStage: 'qualification',
    probability: 80,
  },
} as const;

describe('WinOpportunity', () => {
  it('closes as won at the actual amount, from the stage it was in', () => {
    given(anOpenedOpportunity(), toNegotiation)
      .when(aCommand('WinOpportunity', { actualAmount: '88000' }))
      .then(aWin({ stage: 'negotiation' }));
  });

  it('credits the owner and team, without a campaign when it had none', () => {
    const { sourceCampaignId: _campaign, ...withoutCampaign } = anOpenedOpportunity().data;
    given({ type: 'OpportunityOpened', data: withoutCampaign })
      .when(aCommand('WinOpportunity', { actualAmount: '88000.00' }))
      .then({
        type: 'OpportunityWon',
        data: {
          opportunityId: ids.opportunity,
          customerId: ids.customer,
          ownerId: ids.salesRep,
          team: ids.team,
          amount: { amount: '88000.00', currency: 'CNY' },
          stage: 'qualification',
          closedAt: now,
        },
      });
  });

  it('changes nothing when the same win is sent again', () => {
    given(anOpenedOpportunity(), aWin())
      .when(aCommand('WinOpportunity', { actualAmount: '88000.0' }))
      .thenNothingHappens();
  });

  it.each([
    ['absent', {}],
    ['blank', { actualAmount: ' ' }],
    ['zero', { actualAmount: '0.00' }],
  ])('refuses a win with the amount %s: AMOUNT_REQUIRED', (_, fields) => {
    given(anOpenedOpportunity())
      .when(aCommand('WinOpportunity', fields))
      .thenThrows('AMOUNT_REQUIRED', { field: 'actualAmount' });
  });

  it('refuses an amount it cannot read: INVALID_FIELD', () => {
    given(anOpenedOpportunity())
      .when(aCommand('WinOpportunity', { actualAmount: '88,000' }))
      .thenThrows('INVALID_FIELD', { field: 'actualAmount', reason: 'malformed' });
  });

  it('refuses to win a lost deal, or a won one at another amount: OPPORTUNITY_CLOSED', () => {
    given(anOpenedOpportunity(), aLoss())
      .when(aCommand('WinOpportunity', { actualAmount: '88000' }))
      .thenThrows('OPPORTUNITY_CLOSED', { status: 'lost' });
    given(anOpenedOpportunity(), aWin())
      .when(aCommand('WinOpportunity', { actualAmount: '99000' }))
      .thenThrows('OPPORTUNITY_CLOSED', { status: 'won' });
  });
});
