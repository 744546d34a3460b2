// The public events of quotes (报价单), on topic crm.opportunities.v1; subject = quoteId. Each
// version of a quote is its own quote id; a newer version supersedes the older one.
import { z } from 'zod';
import { customerIdSchema } from './customers.ts';
import {
  amountSchema,
  calendarDateSchema,
  currencyCodeSchema,
  opportunityIdSchema,
  quoteIdSchema,
  quoteLineSchema,
  totalsSchema,
} from './opportunities-values.ts';

const isoTime = z.iso.datetime({ offset: true });
const version = z
  .number()
  .int()
  .positive()
  .describe('The version of the quote within its opportunity: 1, 2, 3…');
const lines = z.array(quoteLineSchema).max(200).describe('The priced lines, in quote order.');
const validUntil = calendarDateSchema.describe(
  'The last day the quote can be accepted (有效期至), to the end of that day in Asia/Shanghai.',
);
const note = z.string().min(1).max(2000).optional().describe('Terms or remarks for the customer.');
const opportunityId = opportunityIdSchema.describe('The opportunity the quote belongs to.');

export const quoteEventSchemas = {
  'crm.quote.drafted.v1': z.object({
    quoteId: quoteIdSchema,
    opportunityId,
    customerId: customerIdSchema.describe('The customer the quote is for.'),
    version,
    currency: currencyCodeSchema,
    lines: lines.describe('The priced lines, in quote order; may be empty while drafting.'),
    totals: totalsSchema,
    validUntil,
    note,
  }),
  'crm.quote.draft_updated.v1': z.object({
    quoteId: quoteIdSchema,
    lines: lines.describe('All lines after the change (replaces the list).'),
    totals: totalsSchema,
    validUntil,
    note: note.describe('The note after the change; absent = none.'),
  }),
  'crm.quote.issued.v1': z
    .object({
      quoteId: quoteIdSchema,
      opportunityId,
      customerId: customerIdSchema.describe('The customer the quote is for.'),
      version,
      currency: currencyCodeSchema,
      lines: lines.min(1),
      totals: totalsSchema,
      validUntil,
      note,
      issuedAt: isoTime.describe('When it was sent to the customer.'),
    })
    .describe(
      'The quote as sent to the customer: from now on it can only be accepted or rejected.',
    ),
  'crm.quote.accepted.v1': z
    .object({
      quoteId: quoteIdSchema,
      opportunityId,
      customerId: customerIdSchema.describe('The customer who accepted it.'),
      version,
      currency: currencyCodeSchema,
      total: amountSchema.describe('The accepted total including tax (价税合计).'),
      acceptedAt: isoTime.describe('When the customer accepted it, within its validity.'),
    })
    .describe('The customer accepted the quote: an order can be placed from it.'),
  'crm.quote.rejected.v1': z.object({
    quoteId: quoteIdSchema,
    opportunityId,
    version,
    reason: z.string().min(1).max(500).describe('Why the customer rejected it.'),
    rejectedAt: isoTime.describe('When the customer rejected it.'),
  }),
  'crm.quote.superseded.v1': z.object({
    quoteId: quoteIdSchema.describe('The older version, which no longer counts.'),
    opportunityId,
    version: version.describe('The version of the quote that is superseded.'),
    supersededBy: quoteIdSchema.describe('The newer version that replaces it.'),
    supersededByVersion: version.describe('The version number of the newer quote.'),
  }),
} as const;

export type QuotePublicEventType = keyof typeof quoteEventSchemas;

export type QuotePublicEventData<Type extends QuotePublicEventType> = z.infer<
  (typeof quoteEventSchemas)[Type]
>;

/** One public event of the quote aggregate: its wire type and its data. */
export type QuotePublicEvent = {
  [Type in QuotePublicEventType]: { type: Type; data: QuotePublicEventData<Type> };
}[QuotePublicEventType];

export const quotePublicEventTypes = Object.keys(quoteEventSchemas) as QuotePublicEventType[];

/** Consumers ignore types they do not know; this tells them which ones they do. */
export const isQuotePublicEventType = (type: string): type is QuotePublicEventType =>
  Object.hasOwn(quoteEventSchemas, type);
