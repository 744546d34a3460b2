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
} from '../fixtures.ts';

const { given } = specification(quoteDecider);

describe('RejectQuote', () => {
  it('records why the customer turned it down', () => {
    given(aDraftedQuote(), anIssuedQuote())
      .when(aCommand('RejectQuote', { reason: ' 价格超出预算 ' }))
      .then(aRejection);
  });

  it('takes a rejection after the validity too: the answer is still an answer', () => {
    given(aDraftedQuote(), anIssuedQuote())
      .when(aCommand('RejectQuote', { reason: '价格超出预算', at: afterValidity }))
      .then({ ...aRejection, data: { ...aRejection.data, rejectedAt: afterValidity } });
  });

  it('changes nothing when rejected already', () => {
    given(aDraftedQuote(), anIssuedQuote(), aRejection)
      .when(aCommand('RejectQuote', { reason: '另一个原因' }))
      .thenNothingHappens();
  });

  it('refuses without a reason: INVALID_FIELD required', () => {
    given(aDraftedQuote(), anIssuedQuote())
      .when(aCommand('RejectQuote', { reason: '' }))
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'required' });
  });

  it('refuses a draft or an accepted quote: QUOTE_NOT_ISSUED', () => {
    given(aDraftedQuote())
      .when(aCommand('RejectQuote', { reason: '太贵' }))
      .thenThrows('QUOTE_NOT_ISSUED', { status: 'draft' });
    given(aDraftedQuote(), anIssuedQuote(), anAcceptance)
      .when(aCommand('RejectQuote', { reason: '太贵' }))
      .thenThrows('QUOTE_NOT_ISSUED', { status: 'accepted' });
  });
});
