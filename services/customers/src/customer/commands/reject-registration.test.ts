import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import {
  aCommand,
  aLeadRegistration,
  aRegisteredCustomer,
  aRegistration,
  aRegistrationRejected,
  aRejection,
  ids,
  now,
} from '../fixtures.ts';

const { given } = specification(customerDecider);

describe('RejectRegistration', () => {
  it('records the refusal of a lead registration, with the customer that holds the contact', () => {
    given().when(aRejection()).then(aRegistrationRejected());
  });

  it('records an invalid registration without an existing customer, text trimmed', () => {
    given()
      .when(
        aCommand('RejectRegistration', {
          leadId: ` ${ids.lead} `,
          reason: 'INVALID_REGISTRATION',
          detail: ' CONTACT_REQUIRED ',
          at: '2026-03-02T09:30:00+08:00',
        }),
      )
      .then({
        type: 'RegistrationRejected',
        data: {
          customerId: ids.customer,
          leadId: ids.lead,
          reason: 'INVALID_REGISTRATION',
          detail: 'CONTACT_REQUIRED',
          rejectedAt: now,
        },
      });
  });

  it('changes nothing when the same refusal arrives again', () => {
    given(aRegistrationRejected()).when(aRejection()).thenNothingHappens();
  });

  it('keeps the first refusal when the lead is refused again for another reason', () => {
    given(aRegistrationRejected())
      .when(aRejection({ reason: 'INVALID_REGISTRATION' }))
      .thenNothingHappens();
  });

  it('changes nothing once the lead registration succeeded after all', () => {
    given(aRegisteredCustomer({ leadId: ids.lead }))
      .when(aRejection())
      .thenNothingHappens();
  });

  it('refuses to refuse a customer registered otherwise: CUSTOMER_ALREADY_REGISTERED', () => {
    given(aRegisteredCustomer())
      .when(aRejection())
      .thenThrows('CUSTOMER_ALREADY_REGISTERED', { customerId: ids.customer });
  });

  it('refuses a refusal for another lead: REGISTRATION_REJECTED, naming the first', () => {
    given(aRegistrationRejected())
      .when(aRejection({ leadId: 'lead-9999' }))
      .thenThrows('REGISTRATION_REJECTED', {
        leadId: ids.lead,
        reason: 'DUPLICATE_CONTACT',
        existingCustomerId: ids.survivor,
      });
  });

  it('refuses a reason that is not an UPPER_SNAKE code: INVALID_FIELD malformed', () => {
    given()
      .when(aRejection({ reason: 'duplicate contact' }))
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'malformed' });
  });

  it('refuses a reason over 100 characters: INVALID_FIELD too_long', () => {
    given()
      .when(aRejection({ reason: 'X'.repeat(101) }))
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'too_long', max: 100 });
  });

  it('refuses a blank lead id: INVALID_FIELD required', () => {
    given()
      .when(aRejection({ leadId: '  ' }))
      .thenThrows('INVALID_FIELD', { field: 'leadId', reason: 'required' });
  });

  it('refuses a detail over 1000 characters: INVALID_FIELD too_long', () => {
    given()
      .when(aRejection({ detail: 'x'.repeat(1001) }))
      .thenThrows('INVALID_FIELD', { field: 'detail', reason: 'too_long', max: 1000 });
  });

  it('refuses an existing customer id over 100 characters: INVALID_FIELD too_long', () => {
    given()
      .when(aRejection({ existingCustomerId: 'c'.repeat(101) }))
      .thenThrows('INVALID_FIELD', { field: 'existingCustomerId', reason: 'too_long' });
  });
});

describe('RegisterCustomer after a refusal', () => {
  it('changes nothing when the refused lead asks again', () => {
    given(aRegistrationRejected()).when(aLeadRegistration()).thenNothingHappens();
  });

  it('refuses a direct registration of the spent id: REGISTRATION_REJECTED', () => {
    given(aRegistrationRejected()).when(aRegistration()).thenThrows('REGISTRATION_REJECTED', {
      customerId: ids.customer,
      leadId: ids.lead,
      reason: 'DUPLICATE_CONTACT',
      existingCustomerId: ids.survivor,
    });
  });

  it('refuses another lead asking for the spent id: REGISTRATION_REJECTED', () => {
    given(aRegistrationRejected())
      .when(aLeadRegistration({ leadId: 'lead-9999' }))
      .thenThrows('REGISTRATION_REJECTED', { leadId: ids.lead });
  });
});
