import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { LeadEvent } from '../events.ts';
import { leadDecider } from '../decide.ts';
import {
  aCommand,
  aLeadCaptured,
  aLeadConverted,
  asManager,
  asSystem,
  conversionBlocked,
  ids,
  qualified,
} from '../fixtures.ts';

const { given } = specification(leadDecider);

const converted = [aLeadCaptured(), qualified, aLeadConverted()];
const registered = aCommand('RecordCustomerRegistrationOutcome', {
  ...asSystem,
  customerId: ids.newCustomer,
  outcome: { status: 'registered' },
});
const rejected = aCommand('RecordCustomerRegistrationOutcome', {
  ...asSystem,
  customerId: ids.newCustomer,
  outcome: {
    status: 'rejected',
    reason: 'DUPLICATE_CONTACT',
    existingCustomerId: ids.existingCustomer,
  },
});
const completed: LeadEvent = {
  type: 'LeadConversionCompleted',
  data: { leadId: ids.lead, customerId: ids.newCustomer, opportunityId: ids.opportunity },
};
const linked: LeadEvent = {
  type: 'LeadLinkedToCustomer',
  data: {
    leadId: ids.lead,
    customerId: ids.existingCustomer,
    previousCustomerId: ids.newCustomer,
    opportunityId: ids.opportunity,
    linkedBy: ids.salesRep,
  },
};

describe('RecordCustomerRegistrationOutcome', () => {
  it('completes the conversion once the customer is registered', () => {
    given(...converted)
      .when(registered)
      .then(completed);
  });

  it('blocks the conversion when the registration is refused, saying why and who', () => {
    given(...converted)
      .when(rejected)
      .then(conversionBlocked);
  });

  it('blocks without an existing customer when the refusal names none', () => {
    given(...converted)
      .when({ ...rejected, outcome: { status: 'rejected', reason: 'INVALID_FIELD' } })
      .then({
        type: 'LeadConversionBlocked',
        data: { leadId: ids.lead, customerId: ids.newCustomer, reason: 'INVALID_FIELD' },
      });
  });

  it('completes a blocked conversion when the registration succeeds after all', () => {
    given(...converted, conversionBlocked)
      .when(registered)
      .then(completed);
  });

  it('changes nothing when the registration is reported twice', () => {
    given(...converted, completed)
      .when(registered)
      .thenNothingHappens();
  });

  it('changes nothing when the refusal is reported twice', () => {
    given(...converted, conversionBlocked)
      .when(rejected)
      .thenNothingHappens();
  });

  it('changes nothing once the lead was linked to an existing customer', () => {
    given(...converted, conversionBlocked, linked)
      .when(registered)
      .thenNothingHappens();
  });

  it('refuses news of a customer the lead did not ask for: UNEXPECTED_CUSTOMER', () => {
    given(...converted)
      .when({ ...registered, customerId: 'cus-9999' })
      .thenThrows('UNEXPECTED_CUSTOMER', { expected: ids.newCustomer, actual: 'cus-9999' });
  });

  it('refuses news of a registration when an existing customer was linked: UNEXPECTED_CUSTOMER', () => {
    given(
      aLeadCaptured(),
      qualified,
      aLeadConverted({ customerId: ids.existingCustomer, customerRegistration: null }),
    )
      .when(registered)
      .thenThrows('UNEXPECTED_CUSTOMER', { expected: null, actual: ids.newCustomer });
  });

  it('refuses a lead that is not converted: LEAD_NOT_CONVERTED', () => {
    given(aLeadCaptured(), qualified).when(registered).thenThrows('LEAD_NOT_CONVERTED');
  });

  it('refuses anyone but the system: ROLE_NOT_ALLOWED', () => {
    given(...converted)
      .when({ ...registered, ...asManager })
      .thenThrows('ROLE_NOT_ALLOWED', { role: 'sales_manager', allowed: ['system'] });
  });

  it('refuses a reason that is not a code: INVALID_FIELD malformed', () => {
    given(...converted)
      .when({ ...rejected, outcome: { status: 'rejected', reason: 'phone taken' } })
      .thenThrows('INVALID_FIELD', { field: 'outcome.reason', reason: 'malformed' });
  });
});
