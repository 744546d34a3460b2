import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { orderDecider } from '../decide.ts';
import { aCommand, anOrderPlaced, ids, now } from '../fixtures.ts';

const { given } = specification(orderDecider);
const cancelled = {
  type: 'OrderCancelled',
  data: { orderId: ids.order, orderNumber: ids.orderNumber, reason: '客户撤单', cancelledAt: now },
} as const;

describe('CancelOrder', () => {
  it('cancels a placed order, saying why', () => {
    given(anOrderPlaced())
      .when(aCommand('CancelOrder', { reason: ' 客户撤单 ' }))
      .then(cancelled);
  });

  it('changes nothing when cancelled already', () => {
    given(anOrderPlaced(), cancelled)
      .when(aCommand('CancelOrder', { reason: '重复' }))
      .thenNothingHappens();
  });

  it('refuses once fulfilled: ORDER_FULFILLED', () => {
    const fulfilled = {
      type: 'OrderFulfilled',
      data: { orderId: ids.order, orderNumber: ids.orderNumber, fulfilledAt: now },
    } as const;
    given(anOrderPlaced(), fulfilled)
      .when(aCommand('CancelOrder', { reason: '客户撤单' }))
      .thenThrows('ORDER_FULFILLED', { orderNumber: ids.orderNumber });
  });

  it('refuses without a reason: INVALID_FIELD required', () => {
    given(anOrderPlaced())
      .when(aCommand('CancelOrder', { reason: '' }))
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'required' });
  });
});
