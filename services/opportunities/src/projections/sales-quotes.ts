// Read model `sales_quotes`: every quote version (quotes per opportunity, newest version first).
import type { Projection } from '@crm/event-processing';
import type { QuoteEvent } from '../quote/quote.ts';
import { QUOTE_CATEGORY } from '../streams.ts';
import { evolveQuoteView, type QuoteView } from './sales-quote-view.ts';
import { foldStreams } from './sales-stream-fold.ts';

export const QUOTES = 'sales_quotes';

export const salesQuotes: Projection = {
  name: 'sales-quotes',
  version: 1,
  categories: [QUOTE_CATEGORY],
  collections: [QUOTES],
  setup: async (store) => {
    await store.collection(QUOTES).ensureIndexes([{ fields: ['opportunityId', '-version'] }]);
  },
  handle: (event, store) => write([event], store),
  handleBatch: (events, store) => write(events, store),
};

const write: NonNullable<Projection['handleBatch']> = (events, store) =>
  foldStreams<QuoteView>(events, store, QUOTES, (view, event, context) =>
    evolveQuoteView(view, event as unknown as QuoteEvent, context),
  );
