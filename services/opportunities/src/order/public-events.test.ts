import { orderEventSchemas, orderPublicEventTypes } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import type { OrderEvent } from './order.ts';
import { anOrderPlaced, ids, now } from './fixtures.ts';
import { toPublicEvent } from './public-events.ts';

/** One of each internal event, as full as it gets; the type makes leaving one out a compile error. */
const oneOfEach: { [Type in OrderEvent['type']]: Extract<OrderEvent, { type: Type }> } = {
  OrderPlaced: anOrderPlaced({ requestedDeliveryDate: '2026-04-15', note: '工作日送货' }),
  OrderFulfilled: {
    type: 'OrderFulfilled',
    data: {
      orderId: ids.order,
      orderNumber: ids.orderNumber,
      reference: 'CK-0042',
      fulfilledAt: now,
    },
  },
  OrderCancelled: {
    type: 'OrderCancelled',
    data: {
      orderId: ids.order,
      orderNumber: ids.orderNumber,
      reason: '客户撤单',
      cancelledAt: now,
    },
  },
};

const cases = Object.values(oneOfEach).map((event) => [event.type, event] as const);

describe('toPublicEvent', () => {
  it.each(cases)('maps %s to a public event its contract accepts, unchanged', (_, event) => {
    const published = toPublicEvent(event);
    const parsed = orderEventSchemas[published.type].safeParse(published.data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // Parsing strips what the contract does not know: equal means nothing leaked past it.
    expect(parsed.data).toEqual(published.data);
    expect(published.data.orderId).toBe(ids.order);
  });

  // Today every public event says exactly what its fact says; when they diverge, say how here.
  it.each(cases)('carries every field of %s', (_, event) => {
    expect(toPublicEvent(event).data).toEqual(event.data);
  });

  it('publishes every public type, one internal event each', () => {
    const published = Object.values(oneOfEach).map((event) => toPublicEvent(event).type);
    expect(published.toSorted()).toEqual(orderPublicEventTypes.toSorted());
  });

  it('leaves out the optional fields an order does not have', () => {
    const { recipient: _recipient, ...withoutRecipient } = anOrderPlaced({
      customer: { customerId: ids.customer, name: '王芳' },
      billingAddress: { country: 'CN', province: '上海市', city: '上海市' },
    }).data;
    const published = toPublicEvent({ type: 'OrderPlaced', data: withoutRecipient });
    expect(published.data).not.toHaveProperty('recipient');
    expect(published.data).not.toHaveProperty('note');
    expect(published.data).toMatchObject({
      customer: { customerId: ids.customer, name: '王芳' },
      billingAddress: { country: 'CN', province: '上海市', city: '上海市' },
    });
    expect(published.data).toHaveProperty('customer', { customerId: ids.customer, name: '王芳' });
  });
});
