import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { quoteDecider } from '../decide.ts';
import {
  aCommand,
  aDraftedQuote,
  afterValidity,
  anAcceptance,
  anIssuedQuote,
  aRejection,
  aSupersession,
  ids,
  noTotals,
} from '../fixtures.ts';

const { given } = specification(quoteDecider);

describe('IssueQuote', () => {
  it('issues the whole document as it was drafted', () => {
    given(aDraftedQuote()).when(aCommand('IssueQuote', {})).then(anIssuedQuote());
  });

  it('issues on the last day of its validity', () => {
    const lastMinute = '2026-03-31T15:59:00.000Z';
    given(aDraftedQuote({ note: '含运费' }))
      .when(aCommand('IssueQuote', { at: lastMinute }))
      .then(anIssuedQuote({ note: '含运费', issuedAt: lastMinute }));
  });

  it('changes nothing when issued already', () => {
    given(aDraftedQuote(), anIssuedQuote()).when(aCommand('IssueQuote', {})).thenNothingHappens();
  });

  it('refuses a quote without lines: QUOTE_LINES_REQUIRED', () => {
    given(aDraftedQuote({ lines: [], totals: noTotals }))
      .when(aCommand('IssueQuote', {}))
      .thenThrows('QUOTE_LINES_REQUIRED', { quoteId: ids.quote });
  });

  it('refuses a draft past its validity: QUOTE_EXPIRED', () => {
    given(aDraftedQuote())
      .when(aCommand('IssueQuote', { at: afterValidity }))
      .thenThrows('QUOTE_EXPIRED', { validUntil: '2026-03-31' });
  });

  it.each([
    ['accepted', [anIssuedQuote(), anAcceptance]],
    ['rejected', [anIssuedQuote(), aRejection]],
    ['superseded', [aSupersession]],
  ] as const)('refuses a quote that is %s: QUOTE_NOT_DRAFT', (status, events) => {
    given(aDraftedQuote(), ...events)
      .when(aCommand('IssueQuote', {}))
      .thenThrows('QUOTE_NOT_DRAFT', { status });
  });
});
