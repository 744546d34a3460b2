// The boundary between the domain and the wire: each internal quote event becomes the public event
// on crm.opportunities.v1. Spelled out field by field, so that changing a domain event never
// silently changes the contract.
import type { QuotePublicEvent } from '@crm/contracts';
import type { QuoteEvent, QuoteLine, Totals } from './quote.ts';

const linesOf = (lines: readonly QuoteLine[]) =>
  lines.map((line) => ({
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
  }));

const totalsOf = ({ subtotal, discount, net, tax, total }: Totals) => ({
  subtotal,
  discount,
  net,
  tax,
  total,
});

export function toPublicEvent(event: QuoteEvent): QuotePublicEvent {
  switch (event.type) {
    case 'QuoteDrafted': {
      const { quoteId, opportunityId, customerId, version, currency, lines, totals } = event.data;
      const { validUntil, note } = event.data;
      return {
        type: 'crm.quote.drafted.v1',
        data: {
          quoteId,
          opportunityId,
          customerId,
          version,
          currency,
          lines: linesOf(lines),
          totals: totalsOf(totals),
          validUntil,
          ...(note !== undefined && { note }),
        },
      };
    }
    case 'QuoteDraftUpdated': {
      const { quoteId, lines, totals, validUntil, note } = event.data;
      return {
        type: 'crm.quote.draft_updated.v1',
        data: {
          quoteId,
          lines: linesOf(lines),
          totals: totalsOf(totals),
          validUntil,
          ...(note !== undefined && { note }),
        },
      };
    }
    case 'QuoteIssued': {
      const { quoteId, opportunityId, customerId, version, currency, lines, totals } = event.data;
      const { validUntil, note, issuedAt } = event.data;
      return {
        type: 'crm.quote.issued.v1',
        data: {
          quoteId,
          opportunityId,
          customerId,
          version,
          currency,
          lines: linesOf(lines),
          totals: totalsOf(totals),
          validUntil,
          ...(note !== undefined && { note }),
          issuedAt,
        },
      };
    }
    case 'QuoteAccepted': {
      const { quoteId, opportunityId, customerId, version, currency, total, acceptedAt } =
        event.data;
      return {
        type: 'crm.quote.accepted.v1',
        data: { quoteId, opportunityId, customerId, version, currency, total, acceptedAt },
      };
    }
    case 'QuoteRejected': {
      const { quoteId, opportunityId, version, reason, rejectedAt } = event.data;
      return {
        type: 'crm.quote.rejected.v1',
        data: { quoteId, opportunityId, version, reason, rejectedAt },
      };
    }
    case 'QuoteSuperseded': {
      const { quoteId, opportunityId, version, supersededBy, supersededByVersion } = event.data;
      return {
        type: 'crm.quote.superseded.v1',
        data: { quoteId, opportunityId, version, supersededBy, supersededByVersion },
      };
    }
  }
}
