import type { LeadFollowUpStatus } from '@crm/contracts';
import { specification } from '@crm/decider/testing';
import { describe, expect, it } from 'vitest';
import { leadDecider } from '../decide.ts';
import type { LeadEvent } from '../events.ts';
import { aCommand, aLeadCaptured, aPooledLead, asManager, asOtherRep, ids } from '../fixtures.ts';
import { followUpTransitions } from '../rules/follow-up-status.ts';

const { given } = specification(leadDecider);

const statuses = Object.keys(followUpTransitions) as LeadFollowUpStatus[];
const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));
const legal = pairs.filter(([from, to]) => followUpTransitions[from].includes(to));
const illegal = pairs.filter(
  ([from, to]) => from !== to && !followUpTransitions[from].includes(to),
);

// A history that leaves the lead at the status: new, or moved there from new.
const at = (status: LeadFollowUpStatus): LeadEvent[] =>
  status === 'new'
    ? [aLeadCaptured()]
    : [
        aLeadCaptured(),
        {
          type: 'FollowUpStatusChanged',
          data: { leadId: ids.lead, status, previousStatus: 'new', changedBy: ids.salesRep },
        },
      ];

describe('UpdateFollowUpStatus', () => {
  it('goes forward to any later status, back one step, never back to new', () => {
    expect(followUpTransitions).toEqual({
      new: ['first_contact', 'negotiating', 'about_to_close'],
      first_contact: ['negotiating', 'about_to_close'],
      negotiating: ['about_to_close', 'first_contact'],
      about_to_close: ['negotiating'],
    });
  });

  it.each(legal)('moves from %s to %s', (from, to) => {
    given(...at(from))
      .when(aCommand('UpdateFollowUpStatus', { status: to }))
      .then({
        type: 'FollowUpStatusChanged',
        data: { leadId: ids.lead, status: to, previousStatus: from, changedBy: ids.salesRep },
      });
  });

  it.each(illegal)('refuses %s to %s: ILLEGAL_FOLLOW_UP_TRANSITION', (from, to) => {
    given(...at(from))
      .when(aCommand('UpdateFollowUpStatus', { status: to }))
      .thenThrows('ILLEGAL_FOLLOW_UP_TRANSITION', { from, to });
  });

  it.each(statuses)('changes nothing when the status is %s already', (status) => {
    given(...at(status))
      .when(aCommand('UpdateFollowUpStatus', { status }))
      .thenNothingHappens();
  });

  it('lets a manager move the status of a pooled lead', () => {
    given(aPooledLead())
      .when(aCommand('UpdateFollowUpStatus', { ...asManager, status: 'negotiating' }))
      .then({
        type: 'FollowUpStatusChanged',
        data: {
          leadId: ids.lead,
          status: 'negotiating',
          previousStatus: 'new',
          changedBy: ids.manager,
        },
      });
  });

  it("refuses a rep on someone else's lead: NOT_LEAD_OWNER", () => {
    given(aLeadCaptured())
      .when(aCommand('UpdateFollowUpStatus', { ...asOtherRep, status: 'first_contact' }))
      .thenThrows('NOT_LEAD_OWNER', { ownerId: ids.salesRep });
  });
});
