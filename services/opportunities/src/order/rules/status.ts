// Which orders a command may act on: a placed order is fulfilled or cancelled, once.
import type { ExistingOrder, OrderState, PlacedOrder } from '../order.ts';
import { orderError } from '../errors.ts';

export function requireExisting(state: OrderState, orderId: string): ExistingOrder {
  if (state.status !== 'unplaced') return state;
  throw orderError('ORDER_NOT_FOUND', `order ${orderId} does not exist`, { orderId });
}

/** Placed, neither fulfilled nor cancelled. */
export function requirePlaced(state: OrderState, orderId: string): PlacedOrder {
  const order = requireExisting(state, orderId);
  const details = { orderId, orderNumber: order.orderNumber };
  switch (order.status) {
    case 'placed':
      return order;
    case 'fulfilled':
      throw orderError('ORDER_FULFILLED', `order ${order.orderNumber} is fulfilled`, details);
    case 'cancelled':
      throw orderError('ORDER_CANCELLED', `order ${order.orderNumber} is cancelled`, details);
  }
}
