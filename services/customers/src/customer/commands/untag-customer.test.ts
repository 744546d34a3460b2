import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);

describe('UntagCustomer', () => {
  it('removes the tags that are present', () => {
    given(aRegisteredCustomer({ tags: ['VIP', '华南区', '展会'] }))
      .when(aCommand('UntagCustomer', { tags: [' 展会', 'VIP', '不存在'] }))
      .then({
        type: 'CustomerUntagged',
        data: { customerId: ids.customer, tags: ['VIP', '展会'] },
      });
  });

  it('changes nothing when none of the tags is present', () => {
    given(aRegisteredCustomer({ tags: ['VIP'] }))
      .when(aCommand('UntagCustomer', { tags: ['华南区'] }))
      .thenNothingHappens();
  });

  it('lets a removed tag be added again', () => {
    given(aRegisteredCustomer({ tags: ['VIP'] }), {
      type: 'CustomerUntagged',
      data: { customerId: ids.customer, tags: ['VIP'] },
    })
      .when(aCommand('TagCustomer', { tags: ['VIP'] }))
      .then({ type: 'CustomerTagged', data: { customerId: ids.customer, tags: ['VIP'] } });
  });
});
