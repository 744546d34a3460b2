import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { orderDecider } from '../decide.ts';
import { aCommand, anOrderPlaced, ids, now } from '../fixtures.ts';

const { given } = specification(orderDecider);
const fulfilled = {
  type: 'OrderFulfilled',
  data: {
    orderId: ids.order,
    orderNumber: ids.orderNumber,
    reference: 'CK-20260305-0042',
    fulfilledAt: now,
  },
} as const;

describe('FulfilOrder', () => {
  it('records fulfilment with the ERP document number', () => {
    given(anOrderPlaced())
      .when(aCommand('FulfilOrder', { reference: ' CK-20260305-0042 ' }))
      .then(fulfilled);
  });

  it('records fulfilment without a reference', () => {
    given(anOrderPlaced())
      .when(aCommand('FulfilOrder', {}))
      .then({
        type: 'OrderFulfilled',
        data: { orderId: ids.order, orderNumber: ids.orderNumber, fulfilledAt: now },
      });
  });

  it('changes nothing when fulfilled already', () => {
    given(anOrderPlaced(), fulfilled).when(aCommand('FulfilOrder', {})).thenNothingHappens();
  });

  it('refuses a cancelled order: ORDER_CANCELLED', () => {
    const cancelled = {
      type: 'OrderCancelled',
      data: {
        orderId: ids.order,
        orderNumber: ids.orderNumber,
        reason: '客户撤单',
        cancelledAt: now,
      },
    } as const;
    given(anOrderPlaced(), cancelled)
      .when(aCommand('FulfilOrder', {}))
      .thenThrows('ORDER_CANCELLED', { orderId: ids.order, orderNumber: ids.orderNumber });
  });
});
