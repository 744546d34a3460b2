// Which quotes a command may act on: drafts are edited and issued, issued quotes answered. The
// refusal names the status the quote is in, so the caller knows what happened to it.
import type { DraftedQuote, ExistingQuote, IssuedQuote, QuoteState } from '../quote.ts';
import { quoteError } from '../errors.ts';

export function requireExisting(state: QuoteState, quoteId: string): ExistingQuote {
  if (state.status !== 'undrafted') return state;
  throw quoteError('QUOTE_NOT_FOUND', `quote ${quoteId} does not exist`, { quoteId });
}

export function requireDraft(state: QuoteState, quoteId: string): DraftedQuote {
  const quote = requireExisting(state, quoteId);
  if (quote.status === 'draft') return quote;
  throw quoteError('QUOTE_NOT_DRAFT', `quote ${quoteId} is ${quote.status}, not a draft`, {
    quoteId,
    status: quote.status,
  });
}

export function requireIssued(state: QuoteState, quoteId: string): IssuedQuote {
  const quote = requireExisting(state, quoteId);
  if (quote.status === 'issued') return quote;
  throw quoteError('QUOTE_NOT_ISSUED', `quote ${quoteId} is ${quote.status}, not issued`, {
    quoteId,
    status: quote.status,
  });
}
