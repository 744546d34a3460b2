import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { leadDecider } from '../decide.ts';
import {
  aCommand,
  aLeadCaptured,
  aLeadConverted,
  aPooledLead,
  aRegistrationRequest,
  asManager,
  asOtherRep,
  ids,
  qualified,
} from '../fixtures.ts';

const { given } = specification(leadDecider);

const toNewCustomer = {
  opportunityId: ids.opportunity,
  customer: { newCustomerId: ids.newCustomer },
};

describe('ConvertLead', () => {
  it('asks for a company customer with everything the customers service needs to register it', () => {
    given(aLeadCaptured(), qualified)
      .when(aCommand('ConvertLead', toNewCustomer))
      .then(aLeadConverted());
  });

  it('asks for a person when the lead names no company', () => {
    const { company: _company, campaignId: _campaign, ...lead } = aLeadCaptured().data;
    given({ type: 'LeadCaptured', data: lead }, qualified)
      .when(aCommand('ConvertLead', toNewCustomer))
      .then({
        type: 'LeadConverted',
        data: {
          leadId: ids.lead,
          opportunityId: ids.opportunity,
          customerId: ids.newCustomer,
          customerRegistration: aRegistrationRequest({
            kind: 'person',
            profile: {
              name: '李雷',
              address: { country: 'CN', province: '广东省', city: '深圳市' },
            },
          }),
          ownerId: ids.salesRep,
          convertedBy: ids.salesRep,
        },
      });
  });

  it('registers the contact as a person when told to, without address when no region', () => {
    const { region: _region, ...lead } = aLeadCaptured().data;
    given({ type: 'LeadCaptured', data: lead }, qualified)
      .when(
        aCommand('ConvertLead', {
          ...toNewCustomer,
          customer: { newCustomerId: ids.newCustomer, kind: 'person' },
        }),
      )
      .then(
        aLeadConverted({
          customerRegistration: aRegistrationRequest({ kind: 'person', profile: { name: '李雷' } }),
        }),
      );
  });

  it('links an existing customer and asks nothing of the customers service', () => {
    given(aLeadCaptured(), qualified)
      .when(
        aCommand('ConvertLead', {
          ...asManager,
          opportunityId: ids.opportunity,
          customer: { existingCustomerId: ids.existingCustomer },
        }),
      )
      .then(
        aLeadConverted({
          customerId: ids.existingCustomer,
          customerRegistration: null,
          convertedBy: ids.manager,
        }),
      );
  });

  it('changes nothing when converted already into that opportunity', () => {
    given(aLeadCaptured(), qualified, aLeadConverted())
      .when(aCommand('ConvertLead', toNewCustomer))
      .thenNothingHappens();
  });

  it('refuses a second conversion into another opportunity: LEAD_CONVERTED', () => {
    given(aLeadCaptured(), qualified, aLeadConverted())
      .when(aCommand('ConvertLead', { ...toNewCustomer, opportunityId: 'opp-9999' }))
      .thenThrows('LEAD_CONVERTED', {
        opportunityId: ids.opportunity,
        customerId: ids.newCustomer,
      });
  });

  it('refuses a lead that is not qualified: LEAD_NOT_QUALIFIED', () => {
    given(aLeadCaptured())
      .when(aCommand('ConvertLead', toNewCustomer))
      .thenThrows('LEAD_NOT_QUALIFIED', { leadId: ids.lead });
  });

  it('refuses a lead with no owner to own the opportunity: LEAD_IN_POOL', () => {
    given(aPooledLead(), qualified)
      .when(aCommand('ConvertLead', { ...toNewCustomer, ...asManager }))
      .thenThrows('LEAD_IN_POOL', { poolId: ids.pool });
  });

  it("refuses a rep on someone else's lead: NOT_LEAD_OWNER", () => {
    given(aLeadCaptured(), qualified)
      .when(aCommand('ConvertLead', { ...toNewCustomer, ...asOtherRep }))
      .thenThrows('NOT_LEAD_OWNER');
  });

  it('refuses a company customer for a lead that names no company: INVALID_FIELD required', () => {
    const { company: _company, ...lead } = aLeadCaptured().data;
    given({ type: 'LeadCaptured', data: lead }, qualified)
      .when(
        aCommand('ConvertLead', {
          ...toNewCustomer,
          customer: { newCustomerId: ids.newCustomer, kind: 'company' },
        }),
      )
      .thenThrows('INVALID_FIELD', { field: 'company', reason: 'required' });
  });

  it('refuses a blank opportunity id: INVALID_FIELD required', () => {
    given(aLeadCaptured(), qualified)
      .when(aCommand('ConvertLead', { ...toNewCustomer, opportunityId: ' ' }))
      .thenThrows('INVALID_FIELD', { field: 'opportunityId', reason: 'required' });
  });

  it('refuses a blank customer id: INVALID_FIELD required', () => {
    given(aLeadCaptured(), qualified)
      .when(aCommand('ConvertLead', { ...toNewCustomer, customer: { existingCustomerId: '' } }))
      .thenThrows('INVALID_FIELD', { field: 'customer.existingCustomerId', reason: 'required' });
  });
});
