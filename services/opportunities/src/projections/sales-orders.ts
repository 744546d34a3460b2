// Read model `sales_orders`: each order with everything OrderPlaced carried, and what became of
// it (orders per customer, newest first).
import type { Projection } from '@crm/event-processing';
import type { OrderEvent, OrderPlaced } from '../order/order.ts';
import { ORDER_CATEGORY } from '../streams.ts';
import { foldStreams, type StreamContext } from './sales-stream-fold.ts';

export const ORDERS = 'sales_orders';

export type OrderView = Omit<OrderPlaced['data'], 'orderId'> & {
  _id: string;
  /** Lifted from the buyer, for "orders per customer". */
  customerId: string;
  status: 'placed' | 'fulfilled' | 'cancelled';
  fulfilledAt: string | null;
  fulfilmentReference: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  createdBy: string;
  updatedAt: string;
  revision: number;
};

export function evolveOrderView(
  view: OrderView | null,
  event: OrderEvent,
  context: StreamContext,
): OrderView | null {
  const stamp = { updatedAt: context.recordedAt, revision: context.revision };
  if (event.type === 'OrderPlaced') {
    const { orderId, ...placed } = event.data;
    return {
      _id: orderId,
      ...placed,
      customerId: placed.customer.customerId,
      status: 'placed',
      fulfilledAt: null,
      fulfilmentReference: null,
      cancelledAt: null,
      cancellationReason: null,
      createdBy: context.actor,
      ...stamp,
    };
  }
  if (view === null) return null;
  if (event.type === 'OrderFulfilled') {
    const { fulfilledAt, reference } = event.data;
    return {
      ...view,
      status: 'fulfilled',
      fulfilledAt,
      fulfilmentReference: reference ?? null,
      ...stamp,
    };
  }
  const { cancelledAt, reason } = event.data;
  return { ...view, status: 'cancelled', cancelledAt, cancellationReason: reason, ...stamp };
}

export const salesOrders: Projection = {
  name: 'sales-orders',
  version: 1,
  categories: [ORDER_CATEGORY],
  collections: [ORDERS],
  setup: async (store) => {
    await store
      .collection(ORDERS)
      .ensureIndexes([{ fields: ['customerId', '-placedAt'] }, { fields: ['opportunityId'] }]);
  },
  handle: (event, store) => write([event], store),
  handleBatch: (events, store) => write(events, store),
};

const write: NonNullable<Projection['handleBatch']> = (events, store) =>
  foldStreams<OrderView>(events, store, ORDERS, (view, event, context) =>
    evolveOrderView(view, event as unknown as OrderEvent, context),
  );
