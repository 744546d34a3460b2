import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { LeadActivityLogged } from '../events.ts';
import { leadDecider } from '../decide.ts';
import { aCommand, aLeadCaptured, aPooledLead, asOtherRep, ids } from '../fixtures.ts';

const { given } = specification(leadDecider);

const logged: LeadActivityLogged = {
  type: 'LeadActivityLogged',
  data: {
    leadId: ids.lead,
    activityId: ids.activity,
    kind: 'wechat',
    occurredAt: '2026-03-02T01:00:00.000Z',
    summary: '微信发送产品资料',
    loggedBy: ids.salesRep,
  },
};
const activity = {
  activityId: ids.activity,
  kind: 'wechat',
  occurredAt: '2026-03-02T09:00:00+08:00',
  summary: ' 微信发送产品资料 ',
} as const;

describe('LogLeadActivity', () => {
  it('logs what was done, the time stored in UTC', () => {
    given(aLeadCaptured()).when(aCommand('LogLeadActivity', activity)).then(logged);
  });

  it('accepts a time a little ahead of the clock (clocks drift)', () => {
    given(aLeadCaptured())
      .when(aCommand('LogLeadActivity', { ...activity, occurredAt: '2026-03-02T01:34:00Z' }))
      .then({ ...logged, data: { ...logged.data, occurredAt: '2026-03-02T01:34:00.000Z' } });
  });

  it('changes nothing when the activity id is logged already', () => {
    given(aLeadCaptured(), logged)
      .when(aCommand('LogLeadActivity', { ...activity, summary: '又发了一次' }))
      .thenNothingHappens();
  });

  it("refuses a rep on someone else's lead: NOT_LEAD_OWNER", () => {
    given(aLeadCaptured())
      .when(aCommand('LogLeadActivity', { ...activity, ...asOtherRep }))
      .thenThrows('NOT_LEAD_OWNER', { ownerId: ids.salesRep });
  });

  it('refuses a rep on a lead waiting in its pool (claim it first): NOT_LEAD_OWNER', () => {
    given(aPooledLead())
      .when(aCommand('LogLeadActivity', activity))
      .thenThrows('NOT_LEAD_OWNER', { ownerId: null });
  });

  it('refuses a time in the future: INVALID_FIELD in_future', () => {
    given(aLeadCaptured())
      .when(aCommand('LogLeadActivity', { ...activity, occurredAt: '2026-03-02T10:00:00+08:00' }))
      .thenThrows('INVALID_FIELD', { field: 'occurredAt', reason: 'in_future' });
  });

  it('refuses a time that is not one: INVALID_FIELD malformed', () => {
    given(aLeadCaptured())
      .when(aCommand('LogLeadActivity', { ...activity, occurredAt: '2026-02-30T09:00:00+08:00x' }))
      .thenThrows('INVALID_FIELD', { field: 'occurredAt', reason: 'malformed' });
  });

  it('refuses a blank summary: INVALID_FIELD required', () => {
    given(aLeadCaptured())
      .when(aCommand('LogLeadActivity', { ...activity, summary: '' }))
      .thenThrows('INVALID_FIELD', { field: 'summary', reason: 'required' });
  });
});
