// The Quote aggregate (报价单): one version of the offer made on an opportunity. The facts it
// records, what it remembers (one shape per status) and how each fact changes that memory.
// Public events are mapped from these in public-events.ts.
import type { DomainEvent } from '@crm/decider';
import type { Totals } from '../opportunity/rules/pricing.ts';

export type { Totals };

export interface QuoteLine {
  lineId: string;
  productId: string;
  productName: string;
  quantity: number;
  /** Excluding tax, 2-4 decimals. */
  unitPrice: string;
  discountPercent: number;
  /** VAT rate, e.g. 13. */
  taxRatePercent: number;
  grossAmount: string;
  discountAmount: string;
  netAmount: string;
  taxAmount: string;
  totalAmount: string;
}

type Fact<Type extends string, Data> = DomainEvent<Type, { quoteId: string } & Data>;

/** The quote document: what is drafted, updated and issued. */
interface QuoteDocument {
  lines: QuoteLine[];
  totals: Totals;
  /** YYYY-MM-DD: acceptable to the end of that day in Asia/Shanghai. */
  validUntil: string;
  note?: string;
}

interface QuoteIdentity {
  opportunityId: string;
  customerId: string;
  version: number;
  currency: string;
}

export type QuoteDrafted = Fact<'QuoteDrafted', QuoteIdentity & QuoteDocument>;
export type QuoteDraftUpdated = Fact<'QuoteDraftUpdated', QuoteDocument>;
/** The whole document as sent, so a consumer needs no other event to print or file it. */
export type QuoteIssued = Fact<'QuoteIssued', QuoteIdentity & QuoteDocument & { issuedAt: string }>;
export type QuoteAccepted = Fact<
  'QuoteAccepted',
  QuoteIdentity & { total: string; acceptedAt: string }
>;
export type QuoteRejected = Fact<
  'QuoteRejected',
  { opportunityId: string; version: number; reason: string; rejectedAt: string }
>;
export type QuoteSuperseded = Fact<
  'QuoteSuperseded',
  { opportunityId: string; version: number; supersededBy: string; supersededByVersion: number }
>;

export type QuoteEvent =
  QuoteDrafted | QuoteDraftUpdated | QuoteIssued | QuoteAccepted | QuoteRejected | QuoteSuperseded;

export interface QuoteRecord extends QuoteIdentity {
  quoteId: string;
  lines: readonly QuoteLine[];
  totals: Totals;
  validUntil: string;
  note?: string;
}

export type UndraftedQuote = { status: 'undrafted' };
export type DraftedQuote = QuoteRecord & { status: 'draft' };
export type IssuedQuote = QuoteRecord & { status: 'issued'; issuedAt: string };
export type AcceptedQuote = QuoteRecord & {
  status: 'accepted';
  issuedAt: string;
  acceptedAt: string;
};
export type RejectedQuote = QuoteRecord & {
  status: 'rejected';
  issuedAt: string;
  rejectionReason: string;
};
export type SupersededQuote = QuoteRecord & {
  status: 'superseded';
  supersededBy: string;
  supersededByVersion: number;
};

export type QuoteState =
  UndraftedQuote | DraftedQuote | IssuedQuote | AcceptedQuote | RejectedQuote | SupersededQuote;

export type ExistingQuote = Exclude<QuoteState, UndraftedQuote>;
export type QuoteStatus = ExistingQuote['status'];

export const initialState: QuoteState = { status: 'undrafted' };

export function evolve(state: QuoteState, event: QuoteEvent): QuoteState {
  if (event.type === 'QuoteDrafted') return { status: 'draft', ...event.data };
  if (state.status === 'undrafted') return state;
  const record = recordOf(state);
  switch (event.type) {
    case 'QuoteDraftUpdated':
      return { ...withoutNote(record), ...event.data, status: 'draft' };
    case 'QuoteIssued': {
      const { issuedAt, ...document } = event.data;
      return { ...withoutNote(record), ...document, status: 'issued', issuedAt };
    }
    // Only an issued quote is accepted or rejected: decide never records it otherwise.
    case 'QuoteAccepted':
      if (state.status !== 'issued') return state;
      return {
        ...record,
        status: 'accepted',
        issuedAt: state.issuedAt,
        acceptedAt: event.data.acceptedAt,
      };
    case 'QuoteRejected':
      if (state.status !== 'issued') return state;
      return {
        ...record,
        status: 'rejected',
        issuedAt: state.issuedAt,
        rejectionReason: event.data.reason,
      };
    case 'QuoteSuperseded': {
      const { supersededBy, supersededByVersion } = event.data;
      return { ...record, status: 'superseded', supersededBy, supersededByVersion };
    }
  }
}

function withoutNote(record: QuoteRecord): Omit<QuoteRecord, 'note'> {
  const { note: _note, ...rest } = record;
  return rest;
}

/** The document and identity, whatever the status. */
export function recordOf(quote: ExistingQuote): QuoteRecord {
  const { quoteId, opportunityId, customerId, version, currency, lines, totals, validUntil } =
    quote;
  return {
    quoteId,
    opportunityId,
    customerId,
    version,
    currency,
    lines,
    totals,
    validUntil,
    ...(quote.note !== undefined && { note: quote.note }),
  };
}
