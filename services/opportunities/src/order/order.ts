// The Order aggregate (销售订单): placed from an accepted quote, then fulfilled or cancelled. Its
// OrderPlaced carries everything an ERP needs to book the sale and invoice it; public events are
// mapped from these in public-events.ts.
import type { Address } from '@crm/contracts';
import type { DomainEvent } from '@crm/decider';
import type { QuoteLine, Totals } from '../quote/quote.ts';

export type { Address };

export interface OrderCustomer {
  customerId: string;
  /** The buyer name on the invoice (购买方名称). */
  name: string;
  kind?: 'person' | 'company';
  /** 纳税人识别号: the unified social credit code of an organisation. */
  taxId?: string;
  /** E.164. */
  phone?: string;
  bankName?: string;
  bankAccount?: string;
}

export interface Recipient {
  name: string;
  /** E.164. */
  phone?: string;
}

export interface OrderLine extends QuoteLine {
  /** 1-based position (行号). */
  lineNumber: number;
}

type Fact<Type extends string, Data> = DomainEvent<Type, { orderId: string } & Data>;

export type OrderPlaced = Fact<
  'OrderPlaced',
  {
    orderNumber: string;
    quoteId: string;
    quoteVersion: number;
    opportunityId: string;
    customer: OrderCustomer;
    billingAddress: Address;
    shippingAddress: Address;
    recipient?: Recipient;
    ownerId: string;
    currency: string;
    lines: OrderLine[];
    totals: Totals;
    /** YYYY-MM-DD. */
    requestedDeliveryDate?: string;
    note?: string;
    placedAt: string;
  }
>;
export type OrderFulfilled = Fact<
  'OrderFulfilled',
  { orderNumber: string; reference?: string; fulfilledAt: string }
>;
export type OrderCancelled = Fact<
  'OrderCancelled',
  { orderNumber: string; reason: string; cancelledAt: string }
>;

export type OrderEvent = OrderPlaced | OrderFulfilled | OrderCancelled;

/** What a placed order remembers: only what decisions and refusals need. */
export interface OrderRecord {
  orderId: string;
  orderNumber: string;
  quoteId: string;
}

export type UnplacedOrder = { status: 'unplaced' };
export type PlacedOrder = OrderRecord & { status: 'placed' };
export type FulfilledOrder = OrderRecord & { status: 'fulfilled'; fulfilledAt: string };
export type CancelledOrder = OrderRecord & { status: 'cancelled'; cancellationReason: string };

export type OrderState = UnplacedOrder | PlacedOrder | FulfilledOrder | CancelledOrder;
export type ExistingOrder = Exclude<OrderState, UnplacedOrder>;

export const initialState: OrderState = { status: 'unplaced' };

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, orderNumber, quoteId } = event.data;
      return { status: 'placed', orderId, orderNumber, quoteId };
    }
    // Only a placed order is fulfilled or cancelled: decide never records it otherwise.
    case 'OrderFulfilled':
      if (state.status !== 'placed') return state;
      return { ...recordOf(state), status: 'fulfilled', fulfilledAt: event.data.fulfilledAt };
    case 'OrderCancelled':
      if (state.status !== 'placed') return state;
      return { ...recordOf(state), status: 'cancelled', cancellationReason: event.data.reason };
  }
}

const recordOf = ({ orderId, orderNumber, quoteId }: ExistingOrder): OrderRecord => ({
  orderId,
  orderNumber,
  quoteId,
});

/**
 * The id of the order of a quote. One stream per quote makes "one order per quote" the event
 * store's guarantee: a second PlaceOrder finds the stream taken (ORDER_ALREADY_PLACED), and two at
 * once race on the expected revision, so exactly one wins.
 */
export const orderIdForQuote = (quoteId: string): string => `ord-${quoteId}`;
