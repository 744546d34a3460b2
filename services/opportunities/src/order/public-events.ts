// The boundary between the domain and the wire: each internal order event becomes the public event
// on crm.opportunities.v1. crm.order.placed.v1 is what ERP systems build sales orders and invoices
// from: spelled out field by field, so changing a domain event never silently changes it.
import type { OrderPublicEvent } from '@crm/contracts';
import type { Address, OrderCustomer, OrderEvent, OrderLine } from './order.ts';

const customerOf = (customer: OrderCustomer) => {
  const { customerId, name, kind, taxId, phone, bankName, bankAccount } = customer;
  return {
    customerId,
    name,
    ...(kind !== undefined && { kind }),
    ...(taxId !== undefined && { taxId }),
    ...(phone !== undefined && { phone }),
    ...(bankName !== undefined && { bankName }),
    ...(bankAccount !== undefined && { bankAccount }),
  };
};

const addressOf = (address: Address) => {
  const { country, province, city, district, street, postalCode } = address;
  return {
    country,
    province,
    city,
    ...(district !== undefined && { district }),
    ...(street !== undefined && { street }),
    ...(postalCode !== undefined && { postalCode }),
  };
};

const lineOf = (line: OrderLine) => ({
  lineNumber: line.lineNumber,
  lineId: line.lineId,
  productId: line.productId,
  productName: line.productName,
  quantity: line.quantity,
  unitPrice: line.unitPrice,
  discountPercent: line.discountPercent,
  taxRatePercent: line.taxRatePercent,
  grossAmount: line.grossAmount,
  discountAmount: line.discountAmount,
  netAmount: line.netAmount,
  taxAmount: line.taxAmount,
  totalAmount: line.totalAmount,
});

export function toPublicEvent(event: OrderEvent): OrderPublicEvent {
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, orderNumber, quoteId, quoteVersion, opportunityId, customer } = event.data;
      const { billingAddress, shippingAddress, recipient, ownerId, currency, lines } = event.data;
      const { totals, requestedDeliveryDate, note, placedAt } = event.data;
      const { subtotal, discount, net, tax, total } = totals;
      return {
        type: 'crm.order.placed.v1',
        data: {
          orderId,
          orderNumber,
          quoteId,
          quoteVersion,
          opportunityId,
          customer: customerOf(customer),
          billingAddress: addressOf(billingAddress),
          shippingAddress: addressOf(shippingAddress),
          ...(recipient !== undefined && {
            recipient: {
              name: recipient.name,
              ...(recipient.phone !== undefined && { phone: recipient.phone }),
            },
          }),
          ownerId,
          currency,
          lines: lines.map(lineOf),
          totals: { subtotal, discount, net, tax, total },
          ...(requestedDeliveryDate !== undefined && { requestedDeliveryDate }),
          ...(note !== undefined && { note }),
          placedAt,
        },
      };
    }
    case 'OrderFulfilled': {
      const { orderId, orderNumber, reference, fulfilledAt } = event.data;
      return {
        type: 'crm.order.fulfilled.v1',
        data: {
          orderId,
          orderNumber,
          ...(reference !== undefined && { reference }),
          fulfilledAt,
        },
      };
    }
    case 'OrderCancelled': {
      const { orderId, orderNumber, reason, cancelledAt } = event.data;
      return {
        type: 'crm.order.cancelled.v1',
        data: { orderId, orderNumber, reason, cancelledAt },
      };
    }
  }
}
