// How a lead being worked is remembered: owner, pool, follow-up clock, tasks and activities.
import { fold } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import type { LeadEvent } from './events.ts';
import { aLeadCaptured, aPooledLead, hoursAgo, ids, qualified } from './fixtures.ts';
import { evolve, initialState } from './lead.ts';

const lead = { initialState, evolve };
const id = { leadId: ids.lead };

describe('evolve, while the lead is worked', () => {
  it('remembers what decisions need from a whole history', () => {
    const history: LeadEvent[] = [
      aPooledLead({ capturedAt: hoursAgo(100), matchingCustomerId: ids.existingCustomer }),
      {
        type: 'LeadClaimed',
        data: {
          ...id,
          ownerId: ids.salesRep,
          poolId: ids.pool,
          openClaims: 2,
          claimLimit: 20,
          claimedAt: hoursAgo(50),
        },
      },
      {
        type: 'FollowUpStatusChanged',
        data: { ...id, status: 'first_contact', previousStatus: 'new', changedBy: ids.salesRep },
      },
      {
        type: 'FollowUpScheduled',
        data: { ...id, taskId: 'task-1', dueAt: hoursAgo(30), scheduledBy: ids.salesRep },
      },
      {
        type: 'FollowUpScheduled',
        data: { ...id, taskId: 'task-2', dueAt: hoursAgo(-30), scheduledBy: ids.salesRep },
      },
      {
        type: 'FollowUpCompleted',
        data: { ...id, taskId: 'task-1', completedBy: ids.salesRep, completedAt: hoursAgo(20) },
      },
      {
        type: 'LeadActivityLogged',
        data: {
          ...id,
          activityId: ids.activity,
          kind: 'visit',
          occurredAt: hoursAgo(40),
          summary: '上门拜访',
          loggedBy: ids.salesRep,
        },
      },
      {
        type: 'LeadReleased',
        data: {
          ...id,
          poolId: ids.pool,
          previousOwnerId: ids.salesRep,
          reason: '暂无需求',
          releasedBy: ids.salesRep,
        },
      },
      {
        type: 'LeadMovedToPool',
        data: {
          ...id,
          poolId: ids.otherPool,
          previousPoolId: ids.pool,
          previousOwnerId: null,
          movedBy: ids.manager,
        },
      },
      {
        type: 'LeadAssigned',
        data: {
          ...id,
          ownerId: ids.otherRep,
          rule: 'region',
          poolId: ids.otherPool,
          assignedBy: ids.system,
          assignedAt: hoursAgo(5),
        },
      },
      qualified,
    ];
    const { ownerId: _owner, capturedBy: _by, capturedAt: _at, ...captured } = aLeadCaptured().data;
    expect(fold(lead, history)).toEqual({
      ...captured,
      status: 'qualified',
      poolId: ids.otherPool,
      ownerId: ids.otherRep,
      matchingCustomerId: ids.existingCustomer,
      followUpStatus: 'first_contact',
      lastFollowUpAt: hoursAgo(5),
      openTaskIds: ['task-2'],
      doneTaskIds: ['task-1'],
      activityIds: [ids.activity],
    });
  });

  it('keeps the latest follow-up, and restarts the clock for a new owner', () => {
    const call = (activityId: string, occurredAt: string): LeadEvent => ({
      type: 'LeadActivityLogged',
      data: {
        ...id,
        activityId,
        kind: 'call',
        occurredAt,
        summary: '电话',
        loggedBy: ids.salesRep,
      },
    });
    // The second call is logged late: an older follow-up does not turn the clock back.
    const followedUp = [
      aLeadCaptured({ capturedAt: hoursAgo(10) }),
      call('a-1', hoursAgo(8)),
      call('a-2', hoursAgo(9)),
    ];
    expect(fold(lead, followedUp)).toMatchObject({ lastFollowUpAt: hoursAgo(8) });
    const reassigned = fold(lead, [
      ...followedUp,
      {
        type: 'LeadReassigned',
        data: {
          ...id,
          ownerId: ids.otherRep,
          previousOwnerId: ids.salesRep,
          reassignedBy: ids.manager,
          reassignedAt: hoursAgo(4),
        },
      },
    ]);
    expect(reassigned).toMatchObject({ ownerId: ids.otherRep, lastFollowUpAt: hoursAgo(4) });
  });

  it('returns a lead to its pool without owner', () => {
    const state = fold(lead, [
      aLeadCaptured({ capturedAt: hoursAgo(100) }),
      {
        type: 'LeadReturnedToPool',
        data: {
          ...id,
          poolId: ids.pool,
          previousOwnerId: ids.salesRep,
          reason: 'no_follow_up',
          deadline: hoursAgo(28),
          lastFollowUpAt: hoursAgo(100),
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'open', poolId: ids.pool, ownerId: null });
  });
});
