import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { opportunityDecider } from '../decide.ts';
import { aCommand, aLoss, anOpenedOpportunity, aWin, ids, now } from '../fixtures.ts';

const { given } = specification(opportunityDecider);
const existing = 'cus-existing-77';
const converted = anOpenedOpportunity({ leadId: ids.lead });
const relink = aCommand('ChangeCustomer', {
  customerId: existing,
  reason: 'lead_linked_to_existing_customer',
  leadId: ids.lead,
  actorRoles: ['system'],
});
const changed = {
  type: 'OpportunityCustomerChanged',
  data: {
    opportunityId: ids.opportunity,
    customerId: existing,
    previousCustomerId: ids.customer,
    reason: 'lead_linked_to_existing_customer',
    changedBy: ids.salesRep,
    changedAt: now,
  },
} as const;

describe('ChangeCustomer', () => {
  it('moves an open converted deal to the existing customer the lead was linked to', () => {
    given(converted).when(relink).then(changed);
  });

  it('moves a won or lost deal too: the id it had names no customer', () => {
    given(converted, aWin()).when(relink).then(changed);
    given(converted, aLoss()).when(relink).then(changed);
  });

  it('changes nothing when the deal is with that customer already (a repeated link)', () => {
    given(converted, changed).when(relink).thenNothingHappens();
    given(anOpenedOpportunity({ leadId: ids.lead, customerId: existing }))
      .when(relink)
      .thenNothingHappens();
  });

  it('refuses anyone but the system: CUSTOMER_CHANGE_NOT_ALLOWED', () => {
    given(converted)
      .when({ ...relink, actor: ids.manager, actorRoles: ['sales_manager', 'admin'] })
      .thenThrows('CUSTOMER_CHANGE_NOT_ALLOWED', { requiredRoles: ['system'] });
  });

  it('refuses a deal that was never opened: OPPORTUNITY_NOT_FOUND', () => {
    given().when(relink).thenThrows('OPPORTUNITY_NOT_FOUND');
  });

  it('refuses a lead that is not the deal own: INVALID_FIELD mismatch', () => {
    given(converted)
      .when({ ...relink, leadId: 'lead-other' })
      .thenThrows('INVALID_FIELD', { field: 'leadId', reason: 'mismatch', expected: ids.lead });
    given(anOpenedOpportunity())
      .when(relink)
      .thenThrows('INVALID_FIELD', { field: 'leadId', reason: 'mismatch', expected: null });
  });

  it('refuses a blank customer or an unknown reason: INVALID_FIELD', () => {
    given(converted)
      .when({ ...relink, customerId: ' ' })
      .thenThrows('INVALID_FIELD', { field: 'customerId', reason: 'required' });
    given(converted)
      .when({ ...relink, reason: 'merged' as 'lead_linked_to_existing_customer' })
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'malformed' });
  });
});
