import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);
const archived = {
  type: 'CustomerArchived',
  data: { customerId: ids.customer, reason: '客户公司已注销' },
} as const;

describe('RestoreCustomer', () => {
  it('brings an archived customer back', () => {
    given(aRegisteredCustomer(), archived)
      .when(aCommand('RestoreCustomer', {}))
      .then({ type: 'CustomerRestored', data: { customerId: ids.customer } });
  });

  it('changes nothing when the customer is active', () => {
    given(aRegisteredCustomer()).when(aCommand('RestoreCustomer', {})).thenNothingHappens();
  });

  it('accepts commands again once restored', () => {
    given(aRegisteredCustomer({ tags: [] }), archived, {
      type: 'CustomerRestored',
      data: { customerId: ids.customer },
    })
      .when(aCommand('TagCustomer', { tags: ['回流客户'] }))
      .then({ type: 'CustomerTagged', data: { customerId: ids.customer, tags: ['回流客户'] } });
  });
});
