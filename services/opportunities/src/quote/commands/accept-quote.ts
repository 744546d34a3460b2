import type { QuoteEvent, QuoteState } from '../quote.ts';
import { requireExisting, requireIssued } from '../rules/status.ts';
import { requireNotExpired } from '../rules/validity.ts';
import type { QuoteCommandBase } from './command.ts';

/** The customer accepts the issued quote, within its validity; an order can follow. */
export interface AcceptQuote extends QuoteCommandBase {
  type: 'AcceptQuote';
}

export function acceptQuote(command: AcceptQuote, state: QuoteState): QuoteEvent[] {
  if (requireExisting(state, command.quoteId).status === 'accepted') return [];
  const quote = requireIssued(state, command.quoteId);
  requireNotExpired(quote, command.at);
  const { quoteId, opportunityId, customerId, version, currency, totals } = quote;
  return [
    {
      type: 'QuoteAccepted',
      data: {
        quoteId,
        opportunityId,
        customerId,
        version,
        currency,
        total: totals.total,
        acceptedAt: command.at,
      },
    },
  ];
}
