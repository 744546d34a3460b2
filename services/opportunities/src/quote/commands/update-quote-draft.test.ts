import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { quoteDecider } from '../decide.ts';
import {
  aCommand,
  aDraftedQuote,
  aLineInput,
  anIssuedQuote,
  aQuoteLine,
  ids,
  itsTotals,
  noTotals,
} from '../fixtures.ts';

const { given } = specification(quoteDecider);

describe('UpdateQuoteDraft', () => {
  it('replaces the lines, validity and note of a draft, repricing it', () => {
    given(aDraftedQuote({ lines: [], totals: noTotals, note: '初稿' }))
      .when(
        aCommand('UpdateQuoteDraft', {
          lines: [aLineInput],
          validUntil: '2026-04-15',
          note: '含运费',
        }),
      )
      .then({
        type: 'QuoteDraftUpdated',
        data: {
          quoteId: ids.quote,
          lines: [aQuoteLine],
          totals: itsTotals,
          validUntil: '2026-04-15',
          note: '含运费',
        },
      });
  });

  it('drops the note when none is given', () => {
    given(aDraftedQuote({ note: '初稿' }))
      .when(aCommand('UpdateQuoteDraft', { lines: [aLineInput], validUntil: '2026-03-31' }))
      .then({
        type: 'QuoteDraftUpdated',
        data: {
          quoteId: ids.quote,
          lines: [aQuoteLine],
          totals: itsTotals,
          validUntil: '2026-03-31',
        },
      });
  });

  it('changes nothing when lines, validity and note are the same', () => {
    given(aDraftedQuote())
      .when(aCommand('UpdateQuoteDraft', { lines: [aLineInput], validUntil: '2026-03-31' }))
      .thenNothingHappens();
  });

  it('refuses once issued: QUOTE_NOT_DRAFT', () => {
    given(aDraftedQuote(), anIssuedQuote())
      .when(aCommand('UpdateQuoteDraft', { lines: [aLineInput], validUntil: '2026-03-31' }))
      .thenThrows('QUOTE_NOT_DRAFT', { status: 'issued' });
  });

  it('refuses a validity in the past: INVALID_FIELD in_past', () => {
    given(aDraftedQuote())
      .when(aCommand('UpdateQuoteDraft', { lines: [aLineInput], validUntil: '2026-02-28' }))
      .thenThrows('INVALID_FIELD', { field: 'validUntil', reason: 'in_past', today: '2026-03-02' });
  });
});
