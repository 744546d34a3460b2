import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { CustomerEvent } from '../customer.ts';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);
const erase = aCommand('ErasePersonalData', { reason: 'data_subject_request' });
const erased: CustomerEvent = {
  type: 'PersonalDataErased',
  data: { customerId: ids.customer, reason: 'data_subject_request' },
};

describe('ErasePersonalData', () => {
  it.each<[string, CustomerEvent[]]>([
    ['an active customer', []],
    [
      'an archived customer',
      [{ type: 'CustomerArchived', data: { customerId: ids.customer, reason: '不再合作' } }],
    ],
    [
      'a merged duplicate',
      [{ type: 'MergedInto', data: { customerId: ids.customer, mergedInto: ids.survivor } }],
    ],
  ])('erases %s', (_, history) => {
    given(aRegisteredCustomer(), ...history)
      .when(erase)
      .then(erased);
  });

  it('changes nothing when erased already', () => {
    given(aRegisteredCustomer(), erased).when(erase).thenNothingHappens();
  });

  it('refuses a customer that never existed: CUSTOMER_NOT_FOUND', () => {
    given().when(erase).thenThrows('CUSTOMER_NOT_FOUND', { customerId: ids.customer });
  });
});
