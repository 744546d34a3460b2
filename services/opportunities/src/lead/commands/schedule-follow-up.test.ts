import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { LeadEvent } from '../events.ts';
import { leadDecider } from '../decide.ts';
import { aCommand, aLeadCaptured, asOtherRep, ids } from '../fixtures.ts';

const { given } = specification(leadDecider);

const scheduled: LeadEvent = {
  type: 'FollowUpScheduled',
  data: {
    leadId: ids.lead,
    taskId: ids.task,
    dueAt: '2026-03-03T06:00:00.000Z',
    remindAt: '2026-03-03T05:30:00.000Z',
    note: '回访报价',
    scheduledBy: ids.salesRep,
  },
};
const schedule = {
  taskId: ids.task,
  dueAt: '2026-03-03T14:00:00+08:00',
  remindAt: '2026-03-03T13:30:00+08:00',
  note: ' 回访报价 ',
};

describe('ScheduleFollowUp', () => {
  it('schedules a task with its due time and reminder, stored in UTC', () => {
    given(aLeadCaptured()).when(aCommand('ScheduleFollowUp', schedule)).then(scheduled);
  });

  it('schedules a task without reminder or note', () => {
    given(aLeadCaptured())
      .when(aCommand('ScheduleFollowUp', { taskId: ids.task, dueAt: '2026-03-03T06:00:00Z' }))
      .then({
        type: 'FollowUpScheduled',
        data: {
          leadId: ids.lead,
          taskId: ids.task,
          dueAt: '2026-03-03T06:00:00.000Z',
          scheduledBy: ids.salesRep,
        },
      });
  });

  it('changes nothing when the task id is scheduled already', () => {
    given(aLeadCaptured(), scheduled)
      .when(aCommand('ScheduleFollowUp', { ...schedule, dueAt: '2026-03-09T14:00:00+08:00' }))
      .thenNothingHappens();
  });

  it('changes nothing when the task id is done already', () => {
    const done: LeadEvent = {
      type: 'FollowUpCompleted',
      data: {
        leadId: ids.lead,
        taskId: ids.task,
        completedBy: ids.salesRep,
        completedAt: '2026-03-02T01:00:00.000Z',
      },
    };
    given(aLeadCaptured(), scheduled, done)
      .when(aCommand('ScheduleFollowUp', schedule))
      .thenNothingHappens();
  });

  it("refuses a rep on someone else's lead: NOT_LEAD_OWNER", () => {
    given(aLeadCaptured())
      .when(aCommand('ScheduleFollowUp', { ...schedule, ...asOtherRep }))
      .thenThrows('NOT_LEAD_OWNER');
  });

  it('refuses a due time without an offset: INVALID_FIELD malformed', () => {
    given(aLeadCaptured())
      .when(aCommand('ScheduleFollowUp', { ...schedule, dueAt: '2026-03-03T14:00:00' }))
      .thenThrows('INVALID_FIELD', { field: 'dueAt', reason: 'malformed' });
  });

  it('refuses a due time in the past: INVALID_FIELD in_past', () => {
    given(aLeadCaptured())
      .when(aCommand('ScheduleFollowUp', { taskId: ids.task, dueAt: '2026-03-01T14:00:00+08:00' }))
      .thenThrows('INVALID_FIELD', { field: 'dueAt', reason: 'in_past' });
  });

  it('refuses a reminder after the due time: INVALID_FIELD after_due_at', () => {
    given(aLeadCaptured())
      .when(aCommand('ScheduleFollowUp', { ...schedule, remindAt: '2026-03-03T15:00:00+08:00' }))
      .thenThrows('INVALID_FIELD', { field: 'remindAt', reason: 'after_due_at' });
  });

  it('refuses a reminder in the past: INVALID_FIELD in_past', () => {
    given(aLeadCaptured())
      .when(aCommand('ScheduleFollowUp', { ...schedule, remindAt: '2026-03-01T09:00:00+08:00' }))
      .thenThrows('INVALID_FIELD', { field: 'remindAt', reason: 'in_past' });
  });

  it('refuses a blank task id: INVALID_FIELD required', () => {
    given(aLeadCaptured())
      .when(aCommand('ScheduleFollowUp', { ...schedule, taskId: ' ' }))
      .thenThrows('INVALID_FIELD', { field: 'taskId', reason: 'required' });
  });
});
