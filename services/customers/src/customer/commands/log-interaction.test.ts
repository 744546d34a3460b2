import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aRegisteredCustomer, anInteraction, anInteractionLogged, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);

describe('LogInteraction', () => {
  it('logs a visit with everything about it, times in UTC, by the actor', () => {
    given(aRegisteredCustomer())
      .when(
        anInteraction({
          kind: 'visit',
          channel: 'in_person',
          occurredAt: '2026-03-01T15:00:00+08:00',
          summary: ' 上门拜访,演示新产品 ',
          outcome: '客户有意向试用',
          nextStep: '寄送试用合同',
          nextFollowUpAt: '2026-03-05T10:00:00+08:00',
          durationMinutes: 90,
        }),
      )
      .then(
        anInteractionLogged({
          kind: 'visit',
          channel: 'in_person',
          occurredAt: '2026-03-01T07:00:00.000Z',
          summary: '上门拜访,演示新产品',
          outcome: '客户有意向试用',
          nextStep: '寄送试用合同',
          nextFollowUpAt: '2026-03-05T02:00:00.000Z',
          durationMinutes: 90,
          loggedBy: ids.salesRep,
        }),
      );
  });

  it('leaves out the optional parts left blank', () => {
    given(aRegisteredCustomer())
      .when(anInteraction({ outcome: ' ', nextStep: '' }))
      .then(anInteractionLogged());
  });

  it('changes nothing when the interaction was logged already', () => {
    given(aRegisteredCustomer(), anInteractionLogged())
      .when(anInteraction({ summary: '重复提交' }))
      .thenNothingHappens();
  });

  it('accepts a time up to five minutes ahead of the clock (clocks drift)', () => {
    given(aRegisteredCustomer())
      .when(anInteraction({ occurredAt: '2026-03-02T01:35:00Z' }))
      .then(anInteractionLogged({ occurredAt: '2026-03-02T01:35:00.000Z' }));
  });

  it('refuses an interaction that has not happened yet: INVALID_FIELD in_future', () => {
    given(aRegisteredCustomer())
      .when(anInteraction({ occurredAt: '2026-03-02T01:35:01Z' }))
      .thenThrows('INVALID_FIELD', { field: 'occurredAt', reason: 'in_future' });
  });

  it.each(['2026-03-02 09:00', '2026-03-02T09:00:00', 'yesterday'])(
    'refuses the time %j, which is not ISO-8601 with an offset: INVALID_FIELD malformed',
    (occurredAt) => {
      given(aRegisteredCustomer())
        .when(anInteraction({ occurredAt }))
        .thenThrows('INVALID_FIELD', { field: 'occurredAt', reason: 'malformed' });
    },
  );

  it('refuses a follow-up planned before the interaction: INVALID_FIELD', () => {
    given(aRegisteredCustomer())
      .when(anInteraction({ nextFollowUpAt: '2026-03-02T08:59:00+08:00' }))
      .thenThrows('INVALID_FIELD', { field: 'nextFollowUpAt', reason: 'before_occurred_at' });
  });

  it('refuses a malformed follow-up time: INVALID_FIELD malformed', () => {
    given(aRegisteredCustomer())
      .when(anInteraction({ nextFollowUpAt: '下周一' }))
      .thenThrows('INVALID_FIELD', { field: 'nextFollowUpAt', reason: 'malformed' });
  });

  it.each([-1, 1.5, 1441])('refuses a duration of %d minutes: INVALID_FIELD', (durationMinutes) => {
    given(aRegisteredCustomer())
      .when(anInteraction({ durationMinutes }))
      .thenThrows('INVALID_FIELD', { field: 'durationMinutes', reason: 'out_of_range' });
  });

  it('refuses a blank summary: INVALID_FIELD required', () => {
    given(aRegisteredCustomer())
      .when(anInteraction({ summary: ' ' }))
      .thenThrows('INVALID_FIELD', { field: 'summary', reason: 'required' });
  });

  it('refuses a summary over 2000 characters: INVALID_FIELD too_long', () => {
    given(aRegisteredCustomer())
      .when(anInteraction({ summary: '长'.repeat(2001) }))
      .thenThrows('INVALID_FIELD', { field: 'summary', reason: 'too_long', max: 2000 });
  });

  it('refuses a blank interaction id: INVALID_FIELD required', () => {
    given(aRegisteredCustomer())
      .when(anInteraction({ interactionId: ' ' }))
      .thenThrows('INVALID_FIELD', { field: 'interactionId', reason: 'required' });
  });
});
