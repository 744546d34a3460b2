import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);

describe('AssignOwner', () => {
  it('hands the customer to another owner, naming the previous one', () => {
    given(aRegisteredCustomer({ ownerId: ids.salesRep }))
      .when(aCommand('AssignOwner', { ownerId: ids.manager }))
      .then({
        type: 'OwnerAssigned',
        data: { customerId: ids.customer, ownerId: ids.manager, previousOwnerId: ids.salesRep },
      });
  });

  it('claims a customer from the shared pool', () => {
    given(aRegisteredCustomer({ ownerId: null }))
      .when(aCommand('AssignOwner', { ownerId: ids.salesRep }))
      .then({
        type: 'OwnerAssigned',
        data: { customerId: ids.customer, ownerId: ids.salesRep, previousOwnerId: null },
      });
  });

  it('returns the customer to the shared pool with null', () => {
    given(aRegisteredCustomer({ ownerId: ids.salesRep }))
      .when(aCommand('AssignOwner', { ownerId: null }))
      .then({
        type: 'OwnerAssigned',
        data: { customerId: ids.customer, ownerId: null, previousOwnerId: ids.salesRep },
      });
  });

  it('changes nothing when the owner is the one already there', () => {
    given(aRegisteredCustomer({ ownerId: ids.salesRep }))
      .when(aCommand('AssignOwner', { ownerId: ` ${ids.salesRep} ` }))
      .thenNothingHappens();
  });

  it('refuses a blank owner: INVALID_FIELD required', () => {
    given(aRegisteredCustomer())
      .when(aCommand('AssignOwner', { ownerId: '' }))
      .thenThrows('INVALID_FIELD', { field: 'ownerId', reason: 'required' });
  });
});
