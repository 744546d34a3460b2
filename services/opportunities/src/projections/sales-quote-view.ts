// A quote version as people read it: one pure fold over its events, for the `sales_quotes` read
// model (quotes per opportunity) and `?asOf=` reads.
import type { QuoteEvent, QuoteLine, QuoteStatus, Totals } from '../quote/quote.ts';
import type { StreamContext } from './sales-stream-fold.ts';

export type QuoteView = {
  _id: string;
  opportunityId: string;
  customerId: string;
  version: number;
  currency: string;
  status: QuoteStatus;
  lines: QuoteLine[];
  totals: Totals;
  /** YYYY-MM-DD: acceptable to the end of that day in Asia/Shanghai. */
  validUntil: string;
  note: string | null;
  issuedAt: string | null;
  acceptedAt: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  supersededBy: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  revision: number;
};

export function evolveQuoteView(
  view: QuoteView | null,
  event: QuoteEvent,
  context: StreamContext,
): QuoteView | null {
  const stamp = { updatedAt: context.recordedAt, revision: context.revision };
  if (event.type === 'QuoteDrafted') {
    const data = event.data;
    return {
      _id: data.quoteId,
      opportunityId: data.opportunityId,
      customerId: data.customerId,
      version: data.version,
      currency: data.currency,
      status: 'draft',
      lines: data.lines,
      totals: data.totals,
      validUntil: data.validUntil,
      note: data.note ?? null,
      issuedAt: null,
      acceptedAt: null,
      rejectedAt: null,
      rejectionReason: null,
      supersededBy: null,
      createdAt: context.recordedAt,
      createdBy: context.actor,
      ...stamp,
    };
  }
  if (view === null) return null;
  switch (event.type) {
    case 'QuoteDraftUpdated': {
      const { lines, totals, validUntil, note } = event.data;
      return { ...view, lines, totals, validUntil, note: note ?? null, ...stamp };
    }
    case 'QuoteIssued':
      return { ...view, status: 'issued', issuedAt: event.data.issuedAt, ...stamp };
    case 'QuoteAccepted':
      return { ...view, status: 'accepted', acceptedAt: event.data.acceptedAt, ...stamp };
    case 'QuoteRejected': {
      const { rejectedAt, reason } = event.data;
      return { ...view, status: 'rejected', rejectedAt, rejectionReason: reason, ...stamp };
    }
    case 'QuoteSuperseded':
      return { ...view, status: 'superseded', supersededBy: event.data.supersededBy, ...stamp };
  }
}
