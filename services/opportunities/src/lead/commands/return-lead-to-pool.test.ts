import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { LeadEvent } from '../events.ts';
import { leadDecider } from '../decide.ts';
import {
  aCommand,
  aLeadCaptured,
  aPooledLead,
  asManager,
  asSystem,
  hoursAgo,
  ids,
} from '../fixtures.ts';

const { given } = specification(leadDecider);

const recycle = { ...asSystem, reason: 'no_follow_up', followUpWithinHours: 72 } as const;
const capturedDaysAgo = aLeadCaptured({ capturedAt: hoursAgo(80) });

describe('ReturnLeadToPool', () => {
  it('takes back a lead nobody followed up in time, naming the deadline', () => {
    given(capturedDaysAgo)
      .when(aCommand('ReturnLeadToPool', recycle))
      .then({
        type: 'LeadReturnedToPool',
        data: {
          leadId: ids.lead,
          poolId: ids.pool,
          previousOwnerId: ids.salesRep,
          reason: 'no_follow_up',
          deadline: hoursAgo(8),
          lastFollowUpAt: hoursAgo(80),
        },
      });
  });

  it('counts from the latest follow-up: activity logged or task completed', () => {
    const activity: LeadEvent = {
      type: 'LeadActivityLogged',
      data: {
        leadId: ids.lead,
        activityId: ids.activity,
        kind: 'call',
        occurredAt: hoursAgo(75),
        summary: '电话未接通',
        loggedBy: ids.salesRep,
      },
    };
    given(capturedDaysAgo, activity)
      .when(aCommand('ReturnLeadToPool', recycle))
      .then({
        type: 'LeadReturnedToPool',
        data: {
          leadId: ids.lead,
          poolId: ids.pool,
          previousOwnerId: ids.salesRep,
          reason: 'no_follow_up',
          deadline: hoursAgo(3),
          lastFollowUpAt: hoursAgo(75),
        },
      });
  });

  it('refuses while the owner still has time, as after a recent follow-up: FOLLOW_UP_NOT_OVERDUE', () => {
    const scheduled: LeadEvent = {
      type: 'FollowUpScheduled',
      data: { leadId: ids.lead, taskId: ids.task, dueAt: hoursAgo(2), scheduledBy: ids.salesRep },
    };
    const completed: LeadEvent = {
      type: 'FollowUpCompleted',
      data: {
        leadId: ids.lead,
        taskId: ids.task,
        completedBy: ids.salesRep,
        completedAt: hoursAgo(1),
      },
    };
    given(capturedDaysAgo, scheduled, completed)
      .when(aCommand('ReturnLeadToPool', recycle))
      .thenThrows('FOLLOW_UP_NOT_OVERDUE', {
        deadline: hoursAgo(-71),
        lastFollowUpAt: hoursAgo(1),
      });
  });

  it('restarts the clock for a new owner: FOLLOW_UP_NOT_OVERDUE', () => {
    const claimed: LeadEvent = {
      type: 'LeadClaimed',
      data: {
        leadId: ids.lead,
        ownerId: ids.otherRep,
        poolId: ids.pool,
        openClaims: 0,
        claimLimit: 20,
        claimedAt: hoursAgo(10),
      },
    };
    given(aPooledLead({ capturedAt: hoursAgo(500) }), claimed)
      .when(aCommand('ReturnLeadToPool', recycle))
      .thenThrows('FOLLOW_UP_NOT_OVERDUE', { lastFollowUpAt: hoursAgo(10) });
  });

  it('changes nothing when the lead is in its pool already', () => {
    given(aPooledLead({ capturedAt: hoursAgo(500) }))
      .when(aCommand('ReturnLeadToPool', recycle))
      .thenNothingHappens();
  });

  it('refuses anyone but the system: ROLE_NOT_ALLOWED', () => {
    given(capturedDaysAgo)
      .when(aCommand('ReturnLeadToPool', { ...recycle, ...asManager }))
      .thenThrows('ROLE_NOT_ALLOWED', { role: 'sales_manager', allowed: ['system'] });
  });

  it('refuses a window of no hours: INVALID_FIELD out_of_range', () => {
    given(capturedDaysAgo)
      .when(aCommand('ReturnLeadToPool', { ...recycle, followUpWithinHours: 0 }))
      .thenThrows('INVALID_FIELD', { field: 'followUpWithinHours', reason: 'out_of_range' });
  });
});
