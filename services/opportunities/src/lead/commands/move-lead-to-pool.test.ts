import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { leadDecider } from '../decide.ts';
import { aCommand, aLeadCaptured, aPooledLead, asManager, ids } from '../fixtures.ts';

const { given } = specification(leadDecider);

describe('MoveLeadToPool', () => {
  it("moves a rep's lead into another pool, without owner", () => {
    given(aLeadCaptured())
      .when(
        aCommand('MoveLeadToPool', { ...asManager, poolId: ids.otherPool, reason: ' 客户在华东 ' }),
      )
      .then({
        type: 'LeadMovedToPool',
        data: {
          leadId: ids.lead,
          poolId: ids.otherPool,
          previousPoolId: ids.pool,
          previousOwnerId: ids.salesRep,
          reason: '客户在华东',
          movedBy: ids.manager,
        },
      });
  });

  it("takes a rep's lead back into its own pool", () => {
    given(aLeadCaptured())
      .when(aCommand('MoveLeadToPool', { ...asManager, poolId: ids.pool }))
      .then({
        type: 'LeadMovedToPool',
        data: {
          leadId: ids.lead,
          poolId: ids.pool,
          previousPoolId: ids.pool,
          previousOwnerId: ids.salesRep,
          movedBy: ids.manager,
        },
      });
  });

  it('moves a pooled lead between pools', () => {
    given(aPooledLead())
      .when(aCommand('MoveLeadToPool', { ...asManager, poolId: ids.otherPool }))
      .then({
        type: 'LeadMovedToPool',
        data: {
          leadId: ids.lead,
          poolId: ids.otherPool,
          previousPoolId: ids.pool,
          previousOwnerId: null,
          movedBy: ids.manager,
        },
      });
  });

  it('changes nothing when the lead waits in that pool already', () => {
    given(aPooledLead())
      .when(aCommand('MoveLeadToPool', { ...asManager, poolId: ids.pool }))
      .thenNothingHappens();
  });

  it('refuses a sales rep: ROLE_NOT_ALLOWED', () => {
    given(aLeadCaptured())
      .when(aCommand('MoveLeadToPool', { poolId: ids.otherPool }))
      .thenThrows('ROLE_NOT_ALLOWED', { role: 'sales_rep', allowed: ['sales_manager'] });
  });

  it('refuses a blank pool: INVALID_FIELD required', () => {
    given(aLeadCaptured())
      .when(aCommand('MoveLeadToPool', { ...asManager, poolId: '' }))
      .thenThrows('INVALID_FIELD', { field: 'poolId', reason: 'required' });
  });
});
