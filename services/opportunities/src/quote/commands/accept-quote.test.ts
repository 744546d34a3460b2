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
} from '../fixtures.ts';

const { given } = specification(quoteDecider);

describe('AcceptQuote', () => {
  it('accepts an issued quote within its validity, at its total', () => {
    given(aDraftedQuote(), anIssuedQuote()).when(aCommand('AcceptQuote', {})).then(anAcceptance);
  });

  it('accepts until the very end of the last day in Shanghai', () => {
    const lastMoment = '2026-03-31T15:59:59.999Z';
    given(aDraftedQuote(), anIssuedQuote())
      .when(aCommand('AcceptQuote', { at: lastMoment }))
      .then({ ...anAcceptance, data: { ...anAcceptance.data, acceptedAt: lastMoment } });
  });

  it('changes nothing when accepted already', () => {
    given(aDraftedQuote(), anIssuedQuote(), anAcceptance)
      .when(aCommand('AcceptQuote', {}))
      .thenNothingHappens();
  });

  it('refuses an expired quote: QUOTE_EXPIRED', () => {
    given(aDraftedQuote(), anIssuedQuote())
      .when(aCommand('AcceptQuote', { at: '2026-03-31T16:00:00.000Z' }))
      .thenThrows('QUOTE_EXPIRED', { quoteId: ids.quote, validUntil: '2026-03-31' });
    given(aDraftedQuote(), anIssuedQuote())
      .when(aCommand('AcceptQuote', { at: afterValidity }))
      .thenThrows('QUOTE_EXPIRED');
  });

  it.each([
    ['draft', []],
    ['rejected', [anIssuedQuote(), aRejection]],
    ['superseded', [anIssuedQuote(), aSupersession]],
  ] as const)('refuses a quote that is %s: QUOTE_NOT_ISSUED', (status, events) => {
    given(aDraftedQuote(), ...events)
      .when(aCommand('AcceptQuote', {}))
      .thenThrows('QUOTE_NOT_ISSUED', { status });
  });
});
