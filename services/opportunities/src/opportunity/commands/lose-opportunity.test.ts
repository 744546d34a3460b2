import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { LossReason } from '../opportunity.ts';
import { opportunityDecider } from '../decide.ts';
import { aCommand, aLoss, anOpenedOpportunity, aWin } from '../fixtures.ts';

const { given } = specification(opportunityDecider);

describe('LoseOpportunity', () => {
  it('closes as lost to a competitor, with a note', () => {
    given(anOpenedOpportunity())
      .when(
        aCommand('LoseOpportunity', {
          reason: 'competitor',
          competitor: ' 德国某机床 ',
          note: ' 客户更看重品牌 ',
        }),
      )
      .then(aLoss({ reason: 'competitor', competitor: '德国某机床', note: '客户更看重品牌' }));
  });

  it.each(['price', 'product_fit', 'timing', 'no_decision', 'other'] as LossReason[])(
    'closes as lost for %s, no competitor needed',
    (reason) => {
      given(anOpenedOpportunity())
        .when(aCommand('LoseOpportunity', { reason, note: '' }))
        .then(aLoss({ reason }));
    },
  );

  it('changes nothing when the same loss is sent again', () => {
    given(anOpenedOpportunity(), aLoss())
      .when(aCommand('LoseOpportunity', { reason: 'price' }))
      .thenNothingHappens();
  });

  it('refuses a loss to a competitor without naming it: INVALID_FIELD required', () => {
    given(anOpenedOpportunity())
      .when(aCommand('LoseOpportunity', { reason: 'competitor', competitor: ' ' }))
      .thenThrows('INVALID_FIELD', { field: 'competitor', reason: 'required' });
  });

  it('refuses a reason it does not know: INVALID_FIELD malformed', () => {
    given(anOpenedOpportunity())
      .when(aCommand('LoseOpportunity', { reason: 'weather' as LossReason }))
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'malformed' });
  });

  it('refuses to lose a won deal, or a lost one for another reason: OPPORTUNITY_CLOSED', () => {
    given(anOpenedOpportunity(), aWin())
      .when(aCommand('LoseOpportunity', { reason: 'price' }))
      .thenThrows('OPPORTUNITY_CLOSED', { status: 'won' });
    given(anOpenedOpportunity(), aLoss())
      .when(aCommand('LoseOpportunity', { reason: 'timing' }))
      .thenThrows('OPPORTUNITY_CLOSED', { status: 'lost' });
  });
});
