import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { opportunityDecider } from '../decide.ts';
import { aCommand, aLoss, anOpenedOpportunity, aWin, ids } from '../fixtures.ts';

const { given } = specification(opportunityDecider);
const id = { opportunityId: ids.opportunity };
const toNegotiation = {
  type: 'StageChanged',
  data: { ...id, stage: 'negotiation', previousStage: 'qualification', probability: 80 },
} as const;

describe('ChangeStage', () => {
  it('moves forward, with the probability of the new stage', () => {
    given(anOpenedOpportunity())
      .when(aCommand('ChangeStage', { stage: 'negotiation' }))
      .then(toNegotiation);
  });

  it('moves back', () => {
    given(anOpenedOpportunity(), toNegotiation)
      .when(aCommand('ChangeStage', { stage: ' needs_analysis ' }))
      .then({
        type: 'StageChanged',
        data: { ...id, stage: 'needs_analysis', previousStage: 'negotiation', probability: 20 },
      });
  });

  it('changes nothing when already at that stage', () => {
    given(anOpenedOpportunity(), toNegotiation)
      .when(aCommand('ChangeStage', { stage: 'negotiation' }))
      .thenNothingHappens();
  });

  it('refuses won and lost: CLOSING_STAGE_NOT_ALLOWED', () => {
    given(anOpenedOpportunity())
      .when(aCommand('ChangeStage', { stage: 'won' }))
      .thenThrows('CLOSING_STAGE_NOT_ALLOWED', { stage: 'won' });
    given(anOpenedOpportunity())
      .when(aCommand('ChangeStage', { stage: 'lost' }))
      .thenThrows('CLOSING_STAGE_NOT_ALLOWED', { stage: 'lost' });
  });

  it('refuses a stage of another pipeline: UNKNOWN_STAGE, listing the known ones', () => {
    given(anOpenedOpportunity())
      .when(aCommand('ChangeStage', { stage: 'tender' }))
      .thenThrows('UNKNOWN_STAGE', {
        stage: 'tender',
        stages: ['qualification', 'needs_analysis', 'proposal', 'negotiation'],
      });
  });

  it('refuses to move a closed opportunity: OPPORTUNITY_CLOSED', () => {
    given(anOpenedOpportunity(), aWin())
      .when(aCommand('ChangeStage', { stage: 'proposal' }))
      .thenThrows('OPPORTUNITY_CLOSED', { status: 'won' });
    given(anOpenedOpportunity(), aLoss())
      .when(aCommand('ChangeStage', { stage: 'proposal' }))
      .thenThrows('OPPORTUNITY_CLOSED', { status: 'lost' });
  });
});
