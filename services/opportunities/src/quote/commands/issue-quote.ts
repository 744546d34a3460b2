import type { QuoteEvent, QuoteState } from '../quote.ts';
import { quoteError } from '../errors.ts';
import { requireExisting, requireDraft } from '../rules/status.ts';
import { requireNotExpired } from '../rules/validity.ts';
import type { QuoteCommandBase } from './command.ts';

/** Sends the draft to the customer: from then on it is accepted, rejected or superseded. */
export interface IssueQuote extends QuoteCommandBase {
  type: 'IssueQuote';
}

export function issueQuote(command: IssueQuote, state: QuoteState): QuoteEvent[] {
  if (requireExisting(state, command.quoteId).status === 'issued') return [];
  const quote = requireDraft(state, command.quoteId);
  if (quote.lines.length === 0) {
    throw quoteError('QUOTE_LINES_REQUIRED', `quote ${quote.quoteId} has no lines`, {
      quoteId: quote.quoteId,
    });
  }
  requireNotExpired(quote, command.at);
  const { quoteId, opportunityId, customerId, version, currency, totals, validUntil, note } = quote;
  return [
    {
      type: 'QuoteIssued',
      data: {
        quoteId,
        opportunityId,
        customerId,
        version,
        currency,
        lines: [...quote.lines],
        totals,
        validUntil,
        ...(note !== undefined && { note }),
        issuedAt: command.at,
      },
    },
  ];
}
