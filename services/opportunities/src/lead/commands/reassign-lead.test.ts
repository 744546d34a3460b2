import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { leadDecider } from '../decide.ts';
import { aCommand, aLeadCaptured, aPooledLead, asManager, ids, now } from '../fixtures.ts';

const { given } = specification(leadDecider);

describe('ReassignLead', () => {
  it('hands an owned lead to another rep, keeping who had it', () => {
    given(aLeadCaptured())
      .when(aCommand('ReassignLead', { ...asManager, ownerId: ids.otherRep, reason: ' 调岗 ' }))
      .then({
        type: 'LeadReassigned',
        data: {
          leadId: ids.lead,
          ownerId: ids.otherRep,
          previousOwnerId: ids.salesRep,
          reason: '调岗',
          reassignedBy: ids.manager,
          reassignedAt: now,
        },
      });
  });

  it('changes nothing when the rep owns it already', () => {
    given(aLeadCaptured())
      .when(aCommand('ReassignLead', { ...asManager, ownerId: ids.salesRep }))
      .thenNothingHappens();
  });

  it('refuses a lead waiting in its pool: LEAD_IN_POOL', () => {
    given(aPooledLead())
      .when(aCommand('ReassignLead', { ...asManager, ownerId: ids.otherRep }))
      .thenThrows('LEAD_IN_POOL', { poolId: ids.pool });
  });

  it('refuses a sales rep, even the owner: ROLE_NOT_ALLOWED', () => {
    given(aLeadCaptured())
      .when(aCommand('ReassignLead', { ownerId: ids.otherRep }))
      .thenThrows('ROLE_NOT_ALLOWED', { role: 'sales_rep', allowed: ['sales_manager'] });
  });

  it('refuses a reason over 500 characters: INVALID_FIELD too_long', () => {
    given(aLeadCaptured())
      .when(
        aCommand('ReassignLead', { ...asManager, ownerId: ids.otherRep, reason: '因'.repeat(501) }),
      )
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'too_long', max: 500 });
  });
});
