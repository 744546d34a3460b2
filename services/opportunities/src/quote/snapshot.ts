// What the application hands to PlaceOrder: the quote as it stands, status included, so the order
// decider can refuse a quote that is not accepted without reading another stream itself.
import { recordOf, type QuoteRecord, type QuoteState, type QuoteStatus } from './quote.ts';

export interface QuoteSnapshot extends QuoteRecord {
  status: QuoteStatus;
}

/** The quote as the order needs it; undefined when it was never drafted. */
export function quoteSnapshot(state: QuoteState): QuoteSnapshot | undefined {
  if (state.status === 'undrafted') return undefined;
  return { ...recordOf(state), status: state.status };
}
