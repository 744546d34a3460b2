import { normaliseDate } from '../../opportunity/rules/dates.ts';
import { optionalText, requiredText } from '../../opportunity/rules/text.ts';
import { priceQuoteLines } from '../../quote/rules/lines.ts';
import type { QuoteSnapshot } from '../../quote/snapshot.ts';
import type { OrderEvent, OrderState } from '../order.ts';
import { invalidField, orderError } from '../errors.ts';
import {
  normaliseAddress,
  normaliseCustomer,
  normaliseRecipient,
  type AddressInput,
  type OrderCustomerInput,
  type RecipientInput,
} from '../rules/parties.ts';
import type { OrderCommandBase } from './command.ts';

/**
 * Places the order of an accepted quote. The application loads what the decider cannot: the quote
 * (quoteSnapshot), the customer's invoice details (its customer lookup) and the opportunity owner.
 */
export interface PlaceOrder extends OrderCommandBase {
  type: 'PlaceOrder';
  /** Human-readable, numbered by the application (订单编号), e.g. SO-2026-000123. */
  orderNumber: string;
  quote: QuoteSnapshot;
  customer: OrderCustomerInput;
  /** The opportunity's owner, credited with the order. */
  ownerId: string;
  billingAddress: AddressInput;
  shippingAddress: AddressInput;
  recipient?: RecipientInput;
  /** YYYY-MM-DD. */
  requestedDeliveryDate?: string;
  note?: string;
}

export function placeOrder(command: PlaceOrder, state: OrderState): OrderEvent[] {
  const { orderId, quote } = command;
  if (state.status !== 'unplaced') {
    const { orderNumber, quoteId } = state;
    throw orderError('ORDER_ALREADY_PLACED', `order ${orderNumber} exists for quote ${quoteId}`, {
      orderId,
      orderNumber,
      quoteId,
    });
  }
  if (quote.status !== 'accepted') {
    throw orderError('QUOTE_NOT_ACCEPTED', `quote ${quote.quoteId} is ${quote.status}`, {
      quoteId: quote.quoteId,
      status: quote.status,
    });
  }
  const customer = normaliseCustomer(command.customer);
  if (customer.customerId !== quote.customerId) {
    throw invalidField('customer.customerId', 'mismatch', {
      value: customer.customerId,
      expected: quote.customerId,
    });
  }
  // Repriced from the quote's own lines, so the order's amounts are right by construction.
  const { lines, totals } = priceQuoteLines('quote.lines', quote.lines);
  if (lines.length === 0) throw invalidField('quote.lines', 'required');
  const recipient = normaliseRecipient(command.recipient);
  const requestedDeliveryDate =
    command.requestedDeliveryDate === undefined
      ? undefined
      : normaliseDate('requestedDeliveryDate', command.requestedDeliveryDate);
  const note = optionalText('note', command.note, 2000);
  return [
    {
      type: 'OrderPlaced',
      data: {
        orderId,
        orderNumber: requiredText('orderNumber', command.orderNumber, 50),
        quoteId: quote.quoteId,
        quoteVersion: quote.version,
        opportunityId: quote.opportunityId,
        customer,
        billingAddress: normaliseAddress('billingAddress', command.billingAddress),
        shippingAddress: normaliseAddress('shippingAddress', command.shippingAddress),
        ...(recipient !== undefined && { recipient }),
        ownerId: requiredText('ownerId', command.ownerId, 100),
        currency: quote.currency,
        lines: lines.map((line, index) => ({ lineNumber: index + 1, ...line })),
        totals,
        ...(requestedDeliveryDate !== undefined && { requestedDeliveryDate }),
        ...(note !== undefined && { note }),
        placedAt: command.at,
      },
    },
  ];
}
