import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { LeadEvent } from '../events.ts';
import { leadDecider } from '../decide.ts';
import {
  aCommand,
  aLeadCaptured,
  aLeadConverted,
  asManager,
  asOtherRep,
  conversionBlocked,
  ids,
  qualified,
} from '../fixtures.ts';

const { given } = specification(leadDecider);

const blocked = [aLeadCaptured(), qualified, aLeadConverted(), conversionBlocked];
const link = aCommand('LinkLeadToExistingCustomer', { customerId: ids.existingCustomer });
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

describe('LinkLeadToExistingCustomer', () => {
  it('links a blocked conversion to the customer that holds the contact', () => {
    given(...blocked)
      .when(link)
      .then(linked);
  });

  it('lets a manager link it to another customer', () => {
    given(...blocked)
      .when({ ...link, ...asManager, customerId: 'cus-0077' })
      .then({
        type: 'LeadLinkedToCustomer',
        data: {
          leadId: ids.lead,
          customerId: 'cus-0077',
          previousCustomerId: ids.newCustomer,
          opportunityId: ids.opportunity,
          linkedBy: ids.manager,
        },
      });
  });

  it('changes nothing when linked to that customer already', () => {
    given(...blocked, linked)
      .when(link)
      .thenNothingHappens();
  });

  it('refuses while the registration is still awaited: CONVERSION_NOT_BLOCKED', () => {
    given(aLeadCaptured(), qualified, aLeadConverted())
      .when(link)
      .thenThrows('CONVERSION_NOT_BLOCKED', { progress: 'awaiting_customer' });
  });

  it('refuses a completed conversion to another customer: CONVERSION_NOT_BLOCKED', () => {
    given(...blocked, linked)
      .when({ ...link, customerId: 'cus-0077' })
      .thenThrows('CONVERSION_NOT_BLOCKED', { progress: 'completed' });
  });

  it('refuses a lead that is not converted: LEAD_NOT_CONVERTED', () => {
    given(aLeadCaptured()).when(link).thenThrows('LEAD_NOT_CONVERTED');
  });

  it("refuses a rep on someone else's lead: NOT_LEAD_OWNER", () => {
    given(...blocked)
      .when({ ...link, ...asOtherRep })
      .thenThrows('NOT_LEAD_OWNER', { ownerId: ids.salesRep });
  });

  it('refuses a blank customer id: INVALID_FIELD required', () => {
    given(...blocked)
      .when({ ...link, customerId: ' ' })
      .thenThrows('INVALID_FIELD', { field: 'customerId', reason: 'required' });
  });
});
