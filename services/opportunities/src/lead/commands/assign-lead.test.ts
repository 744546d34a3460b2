import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { leadDecider } from '../decide.ts';
import {
  aCommand,
  aLeadCaptured,
  aPooledLead,
  asManager,
  asSystem,
  ids,
  now,
} from '../fixtures.ts';

const { given } = specification(leadDecider);

describe('AssignLead', () => {
  it('assigns a pooled lead by rule, naming the rule and the pool it came from', () => {
    given(aPooledLead())
      .when(aCommand('AssignLead', { ...asSystem, ownerId: ids.salesRep, rule: 'region' }))
      .then({
        type: 'LeadAssigned',
        data: {
          leadId: ids.lead,
          ownerId: ids.salesRep,
          rule: 'region',
          poolId: ids.pool,
          assignedBy: ids.system,
          assignedAt: now,
        },
      });
  });

  it('lets a manager assign by hand', () => {
    given(aPooledLead())
      .when(aCommand('AssignLead', { ...asManager, ownerId: ` ${ids.otherRep} `, rule: 'manual' }))
      .then({
        type: 'LeadAssigned',
        data: {
          leadId: ids.lead,
          ownerId: ids.otherRep,
          rule: 'manual',
          poolId: ids.pool,
          assignedBy: ids.manager,
          assignedAt: now,
        },
      });
  });

  it('changes nothing when the lead has that owner already', () => {
    given(aLeadCaptured())
      .when(aCommand('AssignLead', { ...asSystem, ownerId: ids.salesRep, rule: 'round_robin' }))
      .thenNothingHappens();
  });

  it('refuses a lead that has another owner: LEAD_ALREADY_ASSIGNED', () => {
    given(aLeadCaptured())
      .when(aCommand('AssignLead', { ...asSystem, ownerId: ids.otherRep, rule: 'round_robin' }))
      .thenThrows('LEAD_ALREADY_ASSIGNED', { ownerId: ids.salesRep });
  });

  it('refuses manual assignment by the system: ROLE_NOT_ALLOWED', () => {
    given(aPooledLead())
      .when(aCommand('AssignLead', { ...asSystem, ownerId: ids.salesRep, rule: 'manual' }))
      .thenThrows('ROLE_NOT_ALLOWED', { role: 'system', allowed: ['sales_manager'] });
  });

  it('refuses a sales rep assigning leads: ROLE_NOT_ALLOWED', () => {
    given(aPooledLead())
      .when(aCommand('AssignLead', { ownerId: ids.salesRep, rule: 'industry' }))
      .thenThrows('ROLE_NOT_ALLOWED', { role: 'sales_rep' });
  });

  it('refuses a blank owner: INVALID_FIELD required', () => {
    given(aPooledLead())
      .when(aCommand('AssignLead', { ...asManager, ownerId: ' ', rule: 'manual' }))
      .thenThrows('INVALID_FIELD', { field: 'ownerId', reason: 'required' });
  });
});
