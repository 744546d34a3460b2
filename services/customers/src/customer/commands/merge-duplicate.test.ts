import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);
const mergedInto = (survivorId: string) =>
  ({ type: 'MergedInto', data: { customerId: ids.customer, mergedInto: survivorId } }) as const;

describe('MergeDuplicate', () => {
  it('closes the duplicate in favour of the survivor', () => {
    given(aRegisteredCustomer())
      .when(aCommand('MergeDuplicate', { survivorId: ids.survivor }))
      .then(mergedInto(ids.survivor));
  });

  it('changes nothing when merged into the same survivor already', () => {
    given(aRegisteredCustomer(), mergedInto(ids.survivor))
      .when(aCommand('MergeDuplicate', { survivorId: ids.survivor }))
      .thenNothingHappens();
  });

  it('refuses a second survivor: CUSTOMER_MERGED, naming the first', () => {
    given(aRegisteredCustomer(), mergedInto(ids.survivor))
      .when(aCommand('MergeDuplicate', { survivorId: 'cus-9009' }))
      .thenThrows('CUSTOMER_MERGED', { mergedInto: ids.survivor });
  });

  it('refuses to merge a customer into itself: CANNOT_MERGE_INTO_SELF', () => {
    given(aRegisteredCustomer())
      .when(aCommand('MergeDuplicate', { survivorId: ids.customer }))
      .thenThrows('CANNOT_MERGE_INTO_SELF', { customerId: ids.customer });
  });
});
