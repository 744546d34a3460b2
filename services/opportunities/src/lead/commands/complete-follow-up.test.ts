import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { LeadEvent } from '../events.ts';
import { leadDecider } from '../decide.ts';
import { aCommand, aLeadCaptured, asManager, asOtherRep, ids, now } from '../fixtures.ts';

const { given } = specification(leadDecider);

const scheduled: LeadEvent = {
  type: 'FollowUpScheduled',
  data: {
    leadId: ids.lead,
    taskId: ids.task,
    dueAt: '2026-03-03T06:00:00.000Z',
    scheduledBy: ids.salesRep,
  },
};
const completed: LeadEvent = {
  type: 'FollowUpCompleted',
  data: {
    leadId: ids.lead,
    taskId: ids.task,
    outcome: '客户同意下周演示',
    completedBy: ids.salesRep,
    completedAt: now,
  },
};

describe('CompleteFollowUp', () => {
  it('marks the task done with its outcome', () => {
    given(aLeadCaptured(), scheduled)
      .when(aCommand('CompleteFollowUp', { taskId: ids.task, outcome: ' 客户同意下周演示 ' }))
      .then(completed);
  });

  it('lets a manager mark it done, without outcome', () => {
    given(aLeadCaptured(), scheduled)
      .when(aCommand('CompleteFollowUp', { ...asManager, taskId: ids.task }))
      .then({
        type: 'FollowUpCompleted',
        data: { leadId: ids.lead, taskId: ids.task, completedBy: ids.manager, completedAt: now },
      });
  });

  it('changes nothing when the task is done already', () => {
    given(aLeadCaptured(), scheduled, completed)
      .when(aCommand('CompleteFollowUp', { taskId: ids.task }))
      .thenNothingHappens();
  });

  it('refuses a task the lead does not have: FOLLOW_UP_NOT_FOUND', () => {
    given(aLeadCaptured())
      .when(aCommand('CompleteFollowUp', { taskId: 'task-9999' }))
      .thenThrows('FOLLOW_UP_NOT_FOUND', { taskId: 'task-9999' });
  });

  it("refuses a rep on someone else's lead: NOT_LEAD_OWNER", () => {
    given(aLeadCaptured(), scheduled)
      .when(aCommand('CompleteFollowUp', { ...asOtherRep, taskId: ids.task }))
      .thenThrows('NOT_LEAD_OWNER');
  });

  it('refuses an outcome over 500 characters: INVALID_FIELD too_long', () => {
    given(aLeadCaptured(), scheduled)
      .when(aCommand('CompleteFollowUp', { taskId: ids.task, outcome: '好'.repeat(501) }))
      .thenThrows('INVALID_FIELD', { field: 'outcome', reason: 'too_long' });
  });
});
