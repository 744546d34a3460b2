import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { quoteDecider } from '../decide.ts';
import {
  aCommand,
  aDraftedQuote,
  anAcceptance,
  anIssuedQuote,
  aRejection,
  aSupersession,
  ids,
} from '../fixtures.ts';

const { given } = specification(quoteDecider);
const byVersion2 = { supersededBy: ids.nextVersion, supersededByVersion: 2 };

describe('SupersedeQuote', () => {
  it.each([
    ['a draft', []],
    ['an issued quote', [anIssuedQuote()]],
    ['a rejected quote', [anIssuedQuote(), aRejection]],
  ] as const)('replaces %s with a later version', (_, events) => {
    given(aDraftedQuote(), ...events)
      .when(aCommand('SupersedeQuote', byVersion2))
      .then(aSupersession);
  });

  it('changes nothing when superseded by that version already', () => {
    given(aDraftedQuote(), aSupersession)
      .when(aCommand('SupersedeQuote', byVersion2))
      .thenNothingHappens();
  });

  it('refuses a second replacement: QUOTE_ALREADY_SUPERSEDED', () => {
    given(aDraftedQuote(), aSupersession)
      .when(aCommand('SupersedeQuote', { supersededBy: 'quo-1001-v3', supersededByVersion: 3 }))
      .thenThrows('QUOTE_ALREADY_SUPERSEDED', { supersededBy: ids.nextVersion });
  });

  it('refuses to replace an accepted quote: QUOTE_ALREADY_ACCEPTED', () => {
    given(aDraftedQuote(), anIssuedQuote(), anAcceptance)
      .when(aCommand('SupersedeQuote', byVersion2))
      .thenThrows('QUOTE_ALREADY_ACCEPTED', { quoteId: ids.quote });
  });

  it('refuses the same or an earlier version: VERSION_NOT_NEWER', () => {
    given(aDraftedQuote({ version: 3 }))
      .when(aCommand('SupersedeQuote', byVersion2))
      .thenThrows('VERSION_NOT_NEWER', { version: 3, supersededByVersion: 2 });
    given(aDraftedQuote())
      .when(aCommand('SupersedeQuote', { supersededBy: ids.quote, supersededByVersion: 1 }))
      .thenThrows('VERSION_NOT_NEWER');
  });

  it('refuses a blank replacement id: INVALID_FIELD required', () => {
    given(aDraftedQuote())
      .when(aCommand('SupersedeQuote', { supersededBy: ' ', supersededByVersion: 2 }))
      .thenThrows('INVALID_FIELD', { field: 'supersededBy', reason: 'required' });
  });
});
