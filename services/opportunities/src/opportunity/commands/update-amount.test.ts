import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { opportunityDecider } from '../decide.ts';
import {
  aCommand,
  anOpenedOpportunity,
  anOpenedOpportunityWithoutLines,
  ids,
} from '../fixtures.ts';

const { given } = specification(opportunityDecider);

describe('UpdateAmount', () => {
  it('sets the expected value of a deal without line items, in its currency', () => {
    given(anOpenedOpportunityWithoutLines({ amount: { amount: '200000.00', currency: 'USD' } }))
      .when(aCommand('UpdateAmount', { amount: '250000.5' }))
      .then({
        type: 'AmountUpdated',
        data: {
          opportunityId: ids.opportunity,
          amount: { amount: '250000.50', currency: 'USD' },
          previousAmount: { amount: '200000.00', currency: 'USD' },
        },
      });
  });

  it('changes nothing when the amount is the same', () => {
    given(anOpenedOpportunityWithoutLines())
      .when(aCommand('UpdateAmount', { amount: '200000' }))
      .thenNothingHappens();
  });

  it('refuses while line items set the amount: AMOUNT_SET_BY_LINE_ITEMS', () => {
    given(anOpenedOpportunity())
      .when(aCommand('UpdateAmount', { amount: '100000' }))
      .thenThrows('AMOUNT_SET_BY_LINE_ITEMS', { lineItemCount: 1 });
  });

  it('refuses fractions of a fen: INVALID_FIELD too_precise', () => {
    given(anOpenedOpportunityWithoutLines())
      .when(aCommand('UpdateAmount', { amount: '100.001' }))
      .thenThrows('INVALID_FIELD', { field: 'amount', reason: 'too_precise' });
  });
});
