import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { opportunityDecider } from '../decide.ts';
import { aCommand, aLoss, anOpenedOpportunity, aWin, ids } from '../fixtures.ts';

const { given } = specification(opportunityDecider);
const byManager = { actor: ids.manager, actorRoles: ['sales_manager'] };

describe('ReopenOpportunity', () => {
  it('puts a lost deal back at the stage it was lost from', () => {
    const toProposal = {
      type: 'StageChanged',
      data: {
        opportunityId: ids.opportunity,
        stage: 'proposal',
        previousStage: 'qualification',
        probability: 50,
      },
    } as const;
    given(anOpenedOpportunity(), toProposal, aLoss({ stage: 'proposal' }))
      .when(aCommand('ReopenOpportunity', { reason: ' 客户重新启动采购 ', ...byManager }))
      .then({
        type: 'OpportunityReopened',
        data: {
          opportunityId: ids.opportunity,
          reason: '客户重新启动采购',
          stage: 'proposal',
          probability: 50,
          previousStatus: 'lost',
        },
      });
  });

  it('puts a won deal back at the stage an admin chooses', () => {
    given(anOpenedOpportunity(), aWin())
      .when(
        aCommand('ReopenOpportunity', {
          reason: '合同未签署',
          stage: 'negotiation',
          actor: 'usr-admin',
          actorRoles: ['admin'],
        }),
      )
      .then({
        type: 'OpportunityReopened',
        data: {
          opportunityId: ids.opportunity,
          reason: '合同未签署',
          stage: 'negotiation',
          probability: 80,
          previousStatus: 'won',
        },
      });
  });

  it('changes nothing when it is open already', () => {
    given(anOpenedOpportunity())
      .when(aCommand('ReopenOpportunity', { reason: '重开', ...byManager }))
      .thenNothingHappens();
  });

  it('refuses a sales rep: REOPEN_REQUIRES_MANAGER', () => {
    given(anOpenedOpportunity(), aLoss())
      .when(aCommand('ReopenOpportunity', { reason: '客户回心转意', actorRoles: ['sales_rep'] }))
      .thenThrows('REOPEN_REQUIRES_MANAGER', { requiredRoles: ['sales_manager', 'admin'] });
  });

  it('refuses without a reason: INVALID_FIELD required', () => {
    given(anOpenedOpportunity(), aLoss())
      .when(aCommand('ReopenOpportunity', { reason: '', ...byManager }))
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'required' });
  });

  it('refuses to reopen into a closing or unknown stage', () => {
    given(anOpenedOpportunity(), aLoss())
      .when(aCommand('ReopenOpportunity', { reason: '重开', stage: 'won', ...byManager }))
      .thenThrows('CLOSING_STAGE_NOT_ALLOWED', { stage: 'won' });
    given(anOpenedOpportunity(), aLoss())
      .when(aCommand('ReopenOpportunity', { reason: '重开', stage: 'tender', ...byManager }))
      .thenThrows('UNKNOWN_STAGE', { stage: 'tender' });
  });
});
