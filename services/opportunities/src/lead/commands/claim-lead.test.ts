import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { LeadEvent } from '../events.ts';
import { leadDecider } from '../decide.ts';
import { aCommand, aPooledLead, asManager, asOtherRep, asSystem, ids, now } from '../fixtures.ts';

const { given } = specification(leadDecider);

const claim = { openClaims: 3, claimLimit: 20 };
const claimedByRep: LeadEvent = {
  type: 'LeadClaimed',
  data: { leadId: ids.lead, ownerId: ids.salesRep, poolId: ids.pool, ...claim, claimedAt: now },
};

describe('ClaimLead', () => {
  it('gives a pooled lead to the rep who claims it, recording the count and the limit', () => {
    given(aPooledLead()).when(aCommand('ClaimLead', claim)).then(claimedByRep);
  });

  it('lets a manager claim too, within the same limit', () => {
    given(aPooledLead())
      .when(aCommand('ClaimLead', { ...asManager, openClaims: 0, claimLimit: 1 }))
      .then({
        type: 'LeadClaimed',
        data: {
          leadId: ids.lead,
          ownerId: ids.manager,
          poolId: ids.pool,
          openClaims: 0,
          claimLimit: 1,
          claimedAt: now,
        },
      });
  });

  it('changes nothing when the rep claims it again (a retry counts the lead already)', () => {
    given(aPooledLead(), claimedByRep)
      .when(aCommand('ClaimLead', { openClaims: 20, claimLimit: 20 }))
      .thenNothingHappens();
  });

  it('refuses the second of two reps claiming at once: LEAD_ALREADY_CLAIMED', () => {
    given(aPooledLead(), claimedByRep)
      .when(aCommand('ClaimLead', { ...asOtherRep, ...claim }))
      .thenThrows('LEAD_ALREADY_CLAIMED', { ownerId: ids.salesRep });
  });

  it('refuses a rep at the limit of open claims: CLAIM_LIMIT_REACHED', () => {
    given(aPooledLead())
      .when(aCommand('ClaimLead', { openClaims: 20, claimLimit: 20 }))
      .thenThrows('CLAIM_LIMIT_REACHED', { limit: 20, openClaims: 20 });
  });

  it('refuses the system: ROLE_NOT_ALLOWED', () => {
    given(aPooledLead())
      .when(aCommand('ClaimLead', { ...asSystem, ...claim }))
      .thenThrows('ROLE_NOT_ALLOWED', { role: 'system' });
  });

  it('refuses a negative count: INVALID_FIELD out_of_range', () => {
    given(aPooledLead())
      .when(aCommand('ClaimLead', { openClaims: -1, claimLimit: 20 }))
      .thenThrows('INVALID_FIELD', { field: 'openClaims', reason: 'out_of_range' });
  });

  it('refuses a limit below one: INVALID_FIELD out_of_range', () => {
    given(aPooledLead())
      .when(aCommand('ClaimLead', { openClaims: 0, claimLimit: 0.5 }))
      .thenThrows('INVALID_FIELD', { field: 'claimLimit', reason: 'out_of_range', min: 1 });
  });
});
