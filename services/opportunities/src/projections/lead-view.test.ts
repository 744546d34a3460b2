import { describe, expect, it } from 'vitest';
import type { LeadEvent } from '../lead/events.ts';
import {
  aLeadCaptured,
  aLeadConverted,
  conversionBlocked,
  hoursAgo,
  ids,
  now,
  qualified,
} from '../lead/fixtures.ts';
import { evolveLeadView, type LeadView } from './lead-view.ts';

const fold = (events: LeadEvent[]): LeadView | null =>
  events.reduce<LeadView | null>(
    (view, event, revision) => evolveLeadView(view, event, { recordedAt: now, revision }),
    null,
  );
const lead = { leadId: ids.lead };

describe('the lead view', () => {
  it('starts at capture, owned, in its pool, with the follow-up clock at capture', () => {
    expect(fold([aLeadCaptured()])).toMatchObject({
      _id: ids.lead,
      status: 'open',
      ownerId: ids.salesRep,
      poolId: ids.pool,
      province: '广东省',
      followUpStatus: 'new',
      lastFollowUpAt: now,
      openTasks: [],
      activityCount: 0,
      revision: 0,
    });
  });

  it('ignores events before a capture', () => {
    expect(fold([qualified])).toBeNull();
  });

  it('keeps open tasks, the earliest due first as nextDueAt, and moves the clock on completion', () => {
    const view = fold([
      aLeadCaptured({ capturedAt: hoursAgo(10) }),
      {
        type: 'FollowUpScheduled',
        data: { ...lead, taskId: 't1', dueAt: hoursAgo(-48), scheduledBy: ids.salesRep },
      },
      {
        type: 'FollowUpScheduled',
        data: { ...lead, taskId: 't2', dueAt: hoursAgo(-2), scheduledBy: ids.salesRep },
      },
      {
        type: 'FollowUpCompleted',
        data: { ...lead, taskId: 't2', completedBy: ids.salesRep, completedAt: hoursAgo(1) },
      },
    ]);
    expect(view).toMatchObject({
      openTasks: [{ taskId: 't1' }],
      nextDueAt: hoursAgo(-48),
      lastFollowUpAt: hoursAgo(1),
      revision: 3,
    });
  });

  it('goes back to its pool without owner on a return, and records a conversion', () => {
    const returned = fold([
      aLeadCaptured(),
      {
        type: 'LeadReturnedToPool',
        data: {
          ...lead,
          poolId: ids.pool,
          previousOwnerId: ids.salesRep,
          reason: 'no_follow_up',
          deadline: now,
          lastFollowUpAt: hoursAgo(72),
        },
      },
    ]);
    expect(returned).toMatchObject({ ownerId: null, poolId: ids.pool });
    const converted = fold([aLeadCaptured(), qualified, aLeadConverted()]);
    expect(converted).toMatchObject({
      status: 'converted',
      conversion: {
        opportunityId: ids.opportunity,
        customerId: ids.newCustomer,
        requestedCustomerId: ids.newCustomer,
        progress: 'awaiting_customer',
      },
    });
    const blocked = evolveLeadView(converted, conversionBlocked, { recordedAt: now, revision: 3 });
    expect(blocked?.conversion).toMatchObject({
      progress: 'blocked',
      blockedReason: 'DUPLICATE_CONTACT',
      existingCustomerId: ids.existingCustomer,
    });
  });
});
