import { normaliseCurrency } from '../../opportunity/rules/amount-fields.ts';
import { normaliseDate, requireNotPast } from '../../opportunity/rules/dates.ts';
import { optionalText, requiredText } from '../../opportunity/rules/text.ts';
import type { QuoteEvent, QuoteState } from '../quote.ts';
import { invalidField, quoteError } from '../errors.ts';
import { priceQuoteLines, type QuoteLineInput } from '../rules/lines.ts';
import type { QuoteCommandBase } from './command.ts';

export const maxVersion = 9999;

/** Starts a version of a quote on an opportunity; lines may follow while it is a draft. */
export interface DraftQuote extends QuoteCommandBase {
  type: 'DraftQuote';
  opportunityId: string;
  customerId: string;
  /** Counted per opportunity by the application (the decider sees one quote only). */
  version: number;
  /** ISO 4217; CNY when absent. */
  currency?: string;
  lines?: readonly QuoteLineInput[];
  /** YYYY-MM-DD, not before today (Asia/Shanghai). */
  validUntil: string;
  note?: string;
}

export function draftQuote(command: DraftQuote, state: QuoteState): QuoteEvent[] {
  const { quoteId } = command;
  if (state.status !== 'undrafted') {
    throw quoteError('QUOTE_ALREADY_EXISTS', `quote ${quoteId} already exists`, { quoteId });
  }
  const { version } = command;
  if (!Number.isInteger(version) || version < 1 || version > maxVersion) {
    throw invalidField('version', 'out_of_range', { value: version, min: 1, max: maxVersion });
  }
  const validUntil = normaliseDate('validUntil', command.validUntil);
  requireNotPast('validUntil', validUntil, command.at);
  const note = optionalText('note', command.note, 2000);
  return [
    {
      type: 'QuoteDrafted',
      data: {
        quoteId,
        opportunityId: requiredText('opportunityId', command.opportunityId, 100),
        customerId: requiredText('customerId', command.customerId, 100),
        version,
        currency: normaliseCurrency(command.currency),
        ...priceQuoteLines('lines', command.lines),
        validUntil,
        ...(note !== undefined && { note }),
      },
    },
  ];
}
