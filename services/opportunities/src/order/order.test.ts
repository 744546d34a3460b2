import { fold } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import { evolve, initialState, orderIdForQuote } from './order.ts';
import { anOrderPlaced, ids, now } from './fixtures.ts';

const order = { initialState, evolve };
const record = { orderId: ids.order, orderNumber: ids.orderNumber, quoteId: ids.quote };

describe('evolve', () => {
  it('remembers only what decisions need of a placed order', () => {
    expect(fold(order, [anOrderPlaced()])).toEqual({ status: 'placed', ...record });
  });

  it('remembers when it was fulfilled, or why it was cancelled', () => {
    const fulfilled = fold(order, [
      anOrderPlaced(),
      {
        type: 'OrderFulfilled',
        data: { orderId: ids.order, orderNumber: ids.orderNumber, fulfilledAt: now },
      },
    ]);
    expect(fulfilled).toEqual({ status: 'fulfilled', ...record, fulfilledAt: now });
    const cancelled = fold(order, [
      anOrderPlaced(),
      {
        type: 'OrderCancelled',
        data: {
          orderId: ids.order,
          orderNumber: ids.orderNumber,
          reason: '客户撤单',
          cancelledAt: now,
        },
      },
    ]);
    expect(cancelled).toEqual({ status: 'cancelled', ...record, cancellationReason: '客户撤单' });
  });

  it('ignores fulfilment of an order it never saw placed (decide never records one)', () => {
    const event = {
      type: 'OrderFulfilled',
      data: { orderId: ids.order, orderNumber: ids.orderNumber, fulfilledAt: now },
    } as const;
    expect(evolve(initialState, event)).toBe(initialState);
  });
});

describe('orderIdForQuote', () => {
  it('gives each quote one order id, always the same', () => {
    expect(orderIdForQuote('quo-1001-v2')).toBe('ord-quo-1001-v2');
    expect(orderIdForQuote('quo-1001-v2')).toBe(orderIdForQuote('quo-1001-v2'));
    expect(orderIdForQuote('quo-1001-v3')).not.toBe(orderIdForQuote('quo-1001-v2'));
  });
});
