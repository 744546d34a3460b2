import { leadEventSchemas, leadPublicEventTypes } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import type { LeadEvent } from './events.ts';
import { aLeadCaptured, aLeadConverted, conversionBlocked, ids, now } from './fixtures.ts';
import { toPublicEvent } from './public-events.ts';

const id = { leadId: ids.lead };

/** One of each internal event, as full as it gets; the type makes leaving one out a compile error. */
const oneOfEach: { [Type in LeadEvent['type']]: Extract<LeadEvent, { type: Type }> } = {
  LeadCaptured: aLeadCaptured({
    notes: '展会留资,关注 ERP 对接',
    matchingCustomerId: ids.existingCustomer,
  }),
  LeadAssigned: {
    type: 'LeadAssigned',
    data: {
      ...id,
      ownerId: ids.salesRep,
      rule: 'round_robin',
      poolId: ids.pool,
      assignedBy: ids.system,
      assignedAt: now,
    },
  },
  LeadReassigned: {
    type: 'LeadReassigned',
    data: {
      ...id,
      ownerId: ids.otherRep,
      previousOwnerId: ids.salesRep,
      reason: '调岗',
      reassignedBy: ids.manager,
      reassignedAt: now,
    },
  },
  LeadClaimed: {
    type: 'LeadClaimed',
    data: {
      ...id,
      ownerId: ids.salesRep,
      poolId: ids.pool,
      openClaims: 0,
      claimLimit: 20,
      claimedAt: now,
    },
  },
  LeadReleased: {
    type: 'LeadReleased',
    data: {
      ...id,
      poolId: ids.pool,
      previousOwnerId: ids.salesRep,
      reason: '暂无需求',
      releasedBy: ids.salesRep,
    },
  },
  LeadReturnedToPool: {
    type: 'LeadReturnedToPool',
    data: {
      ...id,
      poolId: ids.pool,
      previousOwnerId: ids.salesRep,
      reason: 'no_follow_up',
      deadline: now,
      lastFollowUpAt: '2026-02-27T01:30:00.000Z',
    },
  },
  LeadMovedToPool: {
    type: 'LeadMovedToPool',
    data: {
      ...id,
      poolId: ids.otherPool,
      previousPoolId: ids.pool,
      previousOwnerId: ids.salesRep,
      reason: '客户在华东',
      movedBy: ids.manager,
    },
  },
  FollowUpStatusChanged: {
    type: 'FollowUpStatusChanged',
    data: {
      ...id,
      status: 'negotiating',
      previousStatus: 'first_contact',
      changedBy: ids.salesRep,
    },
  },
  FollowUpScheduled: {
    type: 'FollowUpScheduled',
    data: {
      ...id,
      taskId: ids.task,
      dueAt: '2026-03-03T06:00:00.000Z',
      remindAt: '2026-03-03T05:30:00.000Z',
      note: '回访报价',
      scheduledBy: ids.salesRep,
    },
  },
  FollowUpCompleted: {
    type: 'FollowUpCompleted',
    data: {
      ...id,
      taskId: ids.task,
      outcome: '同意演示',
      completedBy: ids.salesRep,
      completedAt: now,
    },
  },
  LeadActivityLogged: {
    type: 'LeadActivityLogged',
    data: {
      ...id,
      activityId: ids.activity,
      kind: 'visit',
      occurredAt: now,
      summary: '上门拜访',
      loggedBy: ids.salesRep,
    },
  },
  LeadQualified: {
    type: 'LeadQualified',
    data: { ...id, note: '预算已批', qualifiedBy: ids.salesRep },
  },
  LeadDisqualified: {
    type: 'LeadDisqualified',
    data: { ...id, reason: 'other', note: '学生咨询', disqualifiedBy: ids.salesRep },
  },
  LeadConverted: aLeadConverted(),
  LeadConversionCompleted: {
    type: 'LeadConversionCompleted',
    data: { ...id, customerId: ids.newCustomer, opportunityId: ids.opportunity },
  },
  LeadConversionBlocked: conversionBlocked as Extract<LeadEvent, { type: 'LeadConversionBlocked' }>,
  LeadLinkedToCustomer: {
    type: 'LeadLinkedToCustomer',
    data: {
      ...id,
      customerId: ids.existingCustomer,
      previousCustomerId: ids.newCustomer,
      opportunityId: ids.opportunity,
      linkedBy: ids.salesRep,
    },
  },
};

const cases = Object.values(oneOfEach).map((event) => [event.type, event] as const);

describe('toPublicEvent', () => {
  it.each(cases)('maps %s to a public event its contract accepts, unchanged', (_, event) => {
    const published = toPublicEvent(event);
    const parsed = leadEventSchemas[published.type].safeParse(published.data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // Parsing strips what the contract does not know: equal means nothing leaked past it.
    expect(parsed.data).toEqual(published.data);
    expect(published.data.leadId).toBe(ids.lead);
  });

  // Today every public event says exactly what its fact says; when they diverge, say how here.
  it.each(cases)('carries every field of %s', (_, event) => {
    expect(toPublicEvent(event).data).toEqual(event.data);
  });

  it('publishes every public type, one internal event each', () => {
    const published = Object.values(oneOfEach).map((event) => toPublicEvent(event).type);
    expect(published.toSorted()).toEqual(leadPublicEventTypes.toSorted());
  });

  it('maps a conversion to an existing customer with no registration', () => {
    const event = aLeadConverted({ customerId: ids.existingCustomer, customerRegistration: null });
    const published = toPublicEvent(event);
    expect(leadEventSchemas['crm.lead.converted.v1'].safeParse(published.data).success).toBe(true);
    expect(published.data).toMatchObject({ customerRegistration: null });
  });

  it('leaves out the optional fields an event does not have', () => {
    const { campaignId: _campaign, company: _company, ...bare } = aLeadCaptured().data;
    const published = toPublicEvent({ type: 'LeadCaptured', data: bare });
    expect(published.data).not.toHaveProperty('campaignId');
    expect(published.data).not.toHaveProperty('notes');
    expect(published.data).not.toHaveProperty('matchingCustomerId');
  });
});
