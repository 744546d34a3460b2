import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { leadDecider } from '../decide.ts';
import {
  aCommand,
  aLeadCaptured,
  aPooledLead,
  asManager,
  asOtherRep,
  asSystem,
  ids,
} from '../fixtures.ts';

const { given } = specification(leadDecider);

describe('ReleaseLead', () => {
  it('returns the lead to its pool with the owner and the reason', () => {
    given(aLeadCaptured())
      .when(aCommand('ReleaseLead', { reason: ' 客户暂无预算 ' }))
      .then({
        type: 'LeadReleased',
        data: {
          leadId: ids.lead,
          poolId: ids.pool,
          previousOwnerId: ids.salesRep,
          reason: '客户暂无预算',
          releasedBy: ids.salesRep,
        },
      });
  });

  it("lets a manager release a rep's lead", () => {
    given(aLeadCaptured())
      .when(aCommand('ReleaseLead', { ...asManager, reason: '离职交接' }))
      .then({
        type: 'LeadReleased',
        data: {
          leadId: ids.lead,
          poolId: ids.pool,
          previousOwnerId: ids.salesRep,
          reason: '离职交接',
          releasedBy: ids.manager,
        },
      });
  });

  it('changes nothing when the lead is in its pool already', () => {
    given(aPooledLead())
      .when(aCommand('ReleaseLead', { reason: '客户暂无预算' }))
      .thenNothingHappens();
  });

  it("refuses another rep releasing someone else's lead: NOT_LEAD_OWNER", () => {
    given(aLeadCaptured())
      .when(aCommand('ReleaseLead', { ...asOtherRep, reason: '不想跟了' }))
      .thenThrows('NOT_LEAD_OWNER', { ownerId: ids.salesRep });
  });

  it('refuses the system, which returns leads instead: ROLE_NOT_ALLOWED', () => {
    given(aLeadCaptured())
      .when(aCommand('ReleaseLead', { ...asSystem, reason: '超时' }))
      .thenThrows('ROLE_NOT_ALLOWED', { role: 'system' });
  });

  it('refuses a release without a reason: INVALID_FIELD required', () => {
    given(aLeadCaptured())
      .when(aCommand('ReleaseLead', { reason: '  ' }))
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'required' });
  });
});
