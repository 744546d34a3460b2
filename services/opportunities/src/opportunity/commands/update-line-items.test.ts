import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { opportunityDecider } from '../decide.ts';
import { aCommand, aLineItem, anOpenedOpportunity, ids } from '../fixtures.ts';

const { given } = specification(opportunityDecider);
const id = { opportunityId: ids.opportunity };
const { netAmount: _netAmount, ...lineInput } = aLineItem;

describe('UpdateLineItems', () => {
  it('replaces the line items, the amount becoming their sum', () => {
    given(anOpenedOpportunity())
      .when(
        aCommand('UpdateLineItems', {
          lineItems: [
            { ...lineInput, quantity: 3 },
            {
              lineId: 'l-2',
              productId: 'SVC-TRAIN',
              productName: '操作培训',
              quantity: 2,
              unitPrice: '1999.99',
              discountPercent: 0,
            },
          ],
        }),
      )
      .then({
        type: 'LineItemsUpdated',
        data: {
          ...id,
          lineItems: [
            { ...aLineItem, quantity: 3, netAmount: '135000.00' },
            {
              lineId: 'l-2',
              productId: 'SVC-TRAIN',
              productName: '操作培训',
              quantity: 2,
              unitPrice: '1999.99',
              discountPercent: 0,
              netAmount: '3999.98',
            },
          ],
          amount: { amount: '138999.98', currency: 'CNY' },
        },
      });
  });

  it('clears the line items, keeping the amount for the rep to set', () => {
    given(anOpenedOpportunity())
      .when(aCommand('UpdateLineItems', { lineItems: [] }))
      .then({
        type: 'LineItemsUpdated',
        data: { ...id, lineItems: [], amount: { amount: '90000.00', currency: 'CNY' } },
      });
  });

  it('changes nothing when the lines are the same once normalised', () => {
    given(anOpenedOpportunity())
      .when(aCommand('UpdateLineItems', { lineItems: [{ ...lineInput, unitPrice: '50000' }] }))
      .thenNothingHappens();
  });

  it('names the line and field it refuses: INVALID_FIELD', () => {
    given(anOpenedOpportunity())
      .when(aCommand('UpdateLineItems', { lineItems: [lineInput, { ...lineInput, lineId: '' }] }))
      .thenThrows('INVALID_FIELD', { field: 'lineItems[1].lineId', reason: 'required' });
  });
});
