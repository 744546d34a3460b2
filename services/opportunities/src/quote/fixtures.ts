// Fixed ids, a fixed clock and builders of typical events and commands for quote tests. Every
// builder takes overrides, so a test states only what matters to it.
import type { QuoteCommandBase } from './commands/command.ts';
import type { DraftQuote } from './commands/draft-quote.ts';
import type { QuoteCommand } from './decide.ts';
import type {
  QuoteAccepted,
  QuoteDrafted,
  QuoteIssued,
  QuoteLine,
  QuoteRejected,
  QuoteSuperseded,
} from './quote.ts';

export const ids = {
  quote: 'quo-1001-v1',
  nextVersion: 'quo-1001-v2',
  opportunity: 'opp-1001',
  customer: 'cus-1001',
  salesRep: 'usr-li-na',
} as const;

/** The clock of every test: Monday 2 March 2026, 09:30 in Shanghai. */
export const now = '2026-03-02T01:30:00.000Z';
/** A minute past the end of 31 March 2026 in Shanghai. */
export const afterValidity = '2026-03-31T16:01:00.000Z';

/** 2 machines at 50,000 less 10%, VAT 13%. */
export const aQuoteLine: QuoteLine = {
  lineId: 'l-1',
  productId: 'SKU-CNC-200',
  productName: '数控机床 CNC-200',
  quantity: 2,
  unitPrice: '50000.00',
  discountPercent: 10,
  taxRatePercent: 13,
  grossAmount: '100000.00',
  discountAmount: '10000.00',
  netAmount: '90000.00',
  taxAmount: '11700.00',
  totalAmount: '101700.00',
};

export const itsTotals = {
  subtotal: '100000.00',
  discount: '10000.00',
  net: '90000.00',
  tax: '11700.00',
  total: '101700.00',
};

export const noTotals = {
  subtotal: '0.00',
  discount: '0.00',
  net: '0.00',
  tax: '0.00',
  total: '0.00',
};

type Drafting = QuoteDrafted['data'];

/** Version 1 of the quote for the CNC deal, valid to the end of March. */
export const aDraftedQuote = (overrides: Partial<Drafting> = {}): QuoteDrafted => ({
  type: 'QuoteDrafted',
  data: {
    quoteId: ids.quote,
    opportunityId: ids.opportunity,
    customerId: ids.customer,
    version: 1,
    currency: 'CNY',
    lines: [aQuoteLine],
    totals: itsTotals,
    validUntil: '2026-03-31',
    ...overrides,
  },
});

export const anIssuedQuote = (overrides: Partial<QuoteIssued['data']> = {}): QuoteIssued => {
  const { data } = aDraftedQuote();
  return { type: 'QuoteIssued', data: { ...data, issuedAt: now, ...overrides } };
};

export const anAcceptance: QuoteAccepted = {
  type: 'QuoteAccepted',
  data: {
    quoteId: ids.quote,
    opportunityId: ids.opportunity,
    customerId: ids.customer,
    version: 1,
    currency: 'CNY',
    total: '101700.00',
    acceptedAt: now,
  },
};

export const aRejection: QuoteRejected = {
  type: 'QuoteRejected',
  data: {
    quoteId: ids.quote,
    opportunityId: ids.opportunity,
    version: 1,
    reason: '价格超出预算',
    rejectedAt: now,
  },
};

export const aSupersession: QuoteSuperseded = {
  type: 'QuoteSuperseded',
  data: {
    quoteId: ids.quote,
    opportunityId: ids.opportunity,
    version: 1,
    supersededBy: ids.nextVersion,
    supersededByVersion: 2,
  },
};

type CommandOf<Type> = Extract<QuoteCommand, { type: Type }>;
type CommandFields<Type> = Omit<CommandOf<Type>, 'type' | keyof QuoteCommandBase> &
  Partial<QuoteCommandBase>;

/** A command for the fixture quote, issued now by the sales rep. */
export const aCommand = <Type extends QuoteCommand['type']>(
  type: Type,
  fields: CommandFields<Type>,
): CommandOf<Type> =>
  ({ type, quoteId: ids.quote, at: now, actor: ids.salesRep, ...fields }) as CommandOf<Type>;

/** The line of the fixture quote as the rep types it (VAT left to its default). */
export const aLineInput = {
  lineId: 'l-1',
  productId: 'SKU-CNC-200',
  productName: '数控机床 CNC-200',
  quantity: 2,
  unitPrice: '50000',
  discountPercent: 10,
};

export const aDrafting = (overrides: Partial<DraftQuote> = {}): DraftQuote =>
  aCommand('DraftQuote', {
    opportunityId: ids.opportunity,
    customerId: ids.customer,
    version: 1,
    lines: [aLineInput],
    validUntil: '2026-03-31',
    ...overrides,
  });
