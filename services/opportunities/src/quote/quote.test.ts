import { fold } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import { evolve, initialState, type QuoteEvent } from './quote.ts';
import {
  aDraftedQuote,
  anAcceptance,
  anIssuedQuote,
  aQuoteLine,
  aRejection,
  aSupersession,
  ids,
  itsTotals,
  noTotals,
  now,
} from './fixtures.ts';
import { quoteSnapshot } from './snapshot.ts';

const quote = { initialState, evolve };
const record = {
  quoteId: ids.quote,
  opportunityId: ids.opportunity,
  customerId: ids.customer,
  version: 1,
  currency: 'CNY',
  lines: [aQuoteLine],
  totals: itsTotals,
  validUntil: '2026-03-31',
};

describe('evolve', () => {
  it('remembers the document through draft, update and issue', () => {
    const history: QuoteEvent[] = [
      aDraftedQuote({ lines: [], totals: noTotals, note: '初稿' }),
      {
        type: 'QuoteDraftUpdated',
        data: {
          quoteId: ids.quote,
          lines: [aQuoteLine],
          totals: itsTotals,
          validUntil: '2026-03-31',
        },
      },
      anIssuedQuote(),
    ];
    expect(fold(quote, history)).toEqual({ status: 'issued', ...record, issuedAt: now });
  });

  it('remembers when it was issued and accepted', () => {
    expect(fold(quote, [aDraftedQuote(), anIssuedQuote(), anAcceptance])).toEqual({
      status: 'accepted',
      ...record,
      issuedAt: now,
      acceptedAt: now,
    });
  });

  it('remembers why it was rejected, and what superseded it', () => {
    const rejected = fold(quote, [aDraftedQuote(), anIssuedQuote(), aRejection]);
    expect(rejected).toEqual({
      status: 'rejected',
      ...record,
      issuedAt: now,
      rejectionReason: '价格超出预算',
    });
    expect(evolve(rejected, aSupersession)).toEqual({
      status: 'superseded',
      ...record,
      supersededBy: ids.nextVersion,
      supersededByVersion: 2,
    });
  });

  it('ignores an answer to a quote that was never issued (decide never records one)', () => {
    const draft = fold(quote, [aDraftedQuote()]);
    expect(evolve(draft, anAcceptance)).toBe(draft);
    expect(evolve(draft, aRejection)).toBe(draft);
    expect(evolve(initialState, anIssuedQuote())).toBe(initialState);
  });
});

describe('quoteSnapshot', () => {
  it('hands the order the quote and its status', () => {
    const accepted = fold(quote, [
      aDraftedQuote({ note: '含运费' }),
      anIssuedQuote({ note: '含运费' }),
      anAcceptance,
    ]);
    expect(quoteSnapshot(accepted)).toEqual({ ...record, note: '含运费', status: 'accepted' });
  });

  it('has nothing to hand over for a quote never drafted', () => {
    expect(quoteSnapshot(initialState)).toBeUndefined();
  });
});
