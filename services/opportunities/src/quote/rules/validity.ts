// A quote can be accepted until the end of its validUntil day in Asia/Shanghai; after that it is
// expired. Expiry is derived from the clock of each command, never recorded as an event of its own.
import { endOfShanghaiDay } from '../../opportunity/rules/dates.ts';
import type { QuoteRecord } from '../quote.ts';
import { quoteError } from '../errors.ts';

/** Whether the quote is past its validity at `at` (ISO-8601). */
export const isExpired = (validUntil: string, at: string): boolean =>
  Date.parse(at) >= endOfShanghaiDay(validUntil);

export function requireNotExpired(quote: QuoteRecord, at: string): void {
  if (!isExpired(quote.validUntil, at)) return;
  throw quoteError('QUOTE_EXPIRED', `quote ${quote.quoteId} expired after ${quote.validUntil}`, {
    quoteId: quote.quoteId,
    validUntil: quote.validUntil,
    at,
  });
}
