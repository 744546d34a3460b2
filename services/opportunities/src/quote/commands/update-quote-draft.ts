import { normaliseDate, requireNotPast } from '../../opportunity/rules/dates.ts';
import { sameLines } from '../../opportunity/rules/line-items.ts';
import { optionalText } from '../../opportunity/rules/text.ts';
import type { QuoteEvent, QuoteState } from '../quote.ts';
import { priceQuoteLines, type QuoteLineInput } from '../rules/lines.ts';
import { requireDraft } from '../rules/status.ts';
import type { QuoteCommandBase } from './command.ts';

/** Replaces the draft's lines, validity and note; an issued quote changes only by a new version. */
export interface UpdateQuoteDraft extends QuoteCommandBase {
  type: 'UpdateQuoteDraft';
  lines: readonly QuoteLineInput[];
  /** YYYY-MM-DD, not before today (Asia/Shanghai). */
  validUntil: string;
  /** Absent or blank: no note. */
  note?: string;
}

export function updateQuoteDraft(command: UpdateQuoteDraft, state: QuoteState): QuoteEvent[] {
  const quote = requireDraft(state, command.quoteId);
  const { lines, totals } = priceQuoteLines('lines', command.lines);
  const validUntil = normaliseDate('validUntil', command.validUntil);
  requireNotPast('validUntil', validUntil, command.at);
  const note = optionalText('note', command.note, 2000);
  const unchanged =
    sameLines(lines, quote.lines) && validUntil === quote.validUntil && note === quote.note;
  if (unchanged) return [];
  return [
    {
      type: 'QuoteDraftUpdated',
      data: {
        quoteId: quote.quoteId,
        lines,
        totals,
        validUntil,
        ...(note !== undefined && { note }),
      },
    },
  ];
}
