import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { opportunityDecider } from '../decide.ts';
import { aCommand, anOpenedOpportunity, ids } from '../fixtures.ts';

const { given } = specification(opportunityDecider);

describe('ChangeExpectedClose', () => {
  it('moves the expected close date, naming the previous one', () => {
    given(anOpenedOpportunity())
      .when(aCommand('ChangeExpectedClose', { expectedCloseDate: '2026-06-30' }))
      .then({
        type: 'ExpectedCloseChanged',
        data: {
          opportunityId: ids.opportunity,
          expectedCloseDate: '2026-06-30',
          previousExpectedCloseDate: '2026-04-30',
        },
      });
  });

  it('changes nothing when the date is the same', () => {
    given(anOpenedOpportunity())
      .when(aCommand('ChangeExpectedClose', { expectedCloseDate: '2026-04-30' }))
      .thenNothingHappens();
  });

  it('refuses a date that does not exist: INVALID_FIELD malformed', () => {
    given(anOpenedOpportunity())
      .when(aCommand('ChangeExpectedClose', { expectedCloseDate: '2026-04-31' }))
      .thenThrows('INVALID_FIELD', { field: 'expectedCloseDate', reason: 'malformed' });
  });
});
