import { quoteEventSchemas, quotePublicEventTypes } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import type { QuoteEvent } from './quote.ts';
import {
  aDraftedQuote,
  anAcceptance,
  anIssuedQuote,
  aQuoteLine,
  aRejection,
  aSupersession,
  ids,
  itsTotals,
} from './fixtures.ts';
import { toPublicEvent } from './public-events.ts';

/** One of each internal event, as full as it gets; the type makes leaving one out a compile error. */
const oneOfEach: { [Type in QuoteEvent['type']]: Extract<QuoteEvent, { type: Type }> } = {
  QuoteDrafted: aDraftedQuote({ note: '含运费' }),
  QuoteDraftUpdated: {
    type: 'QuoteDraftUpdated',
    data: {
      quoteId: ids.quote,
      lines: [aQuoteLine],
      totals: itsTotals,
      validUntil: '2026-04-15',
      note: '含运费',
    },
  },
  QuoteIssued: anIssuedQuote({ note: '含运费' }),
  QuoteAccepted: anAcceptance,
  QuoteRejected: aRejection,
  QuoteSuperseded: aSupersession,
};

const cases = Object.values(oneOfEach).map((event) => [event.type, event] as const);

describe('toPublicEvent', () => {
  it.each(cases)('maps %s to a public event its contract accepts, unchanged', (_, event) => {
    const published = toPublicEvent(event);
    const parsed = quoteEventSchemas[published.type].safeParse(published.data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // Parsing strips what the contract does not know: equal means nothing leaked past it.
    expect(parsed.data).toEqual(published.data);
    expect(published.data.quoteId).toBe(ids.quote);
  });

  // Today every public event says exactly what its fact says; when they diverge, say how here.
  it.each(cases)('carries every field of %s', (_, event) => {
    expect(toPublicEvent(event).data).toEqual(event.data);
  });

  it('publishes every public type, one internal event each', () => {
    const published = Object.values(oneOfEach).map((event) => toPublicEvent(event).type);
    expect(published.toSorted()).toEqual(quotePublicEventTypes.toSorted());
  });

  it('leaves out a note the quote does not have', () => {
    expect(toPublicEvent(aDraftedQuote()).data).not.toHaveProperty('note');
    expect(toPublicEvent(anIssuedQuote()).data).not.toHaveProperty('note');
  });
});
