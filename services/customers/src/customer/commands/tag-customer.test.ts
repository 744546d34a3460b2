import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);
const tagged = (count: number) => Array.from({ length: count }, (_, index) => `标签${index}`);

describe('TagCustomer', () => {
  it('adds the tags not already present, trimmed and once each', () => {
    given(aRegisteredCustomer({ tags: ['VIP'] }))
      .when(aCommand('TagCustomer', { tags: [' 重点客户 ', 'VIP', '重点客户', '华南区'] }))
      .then({
        type: 'CustomerTagged',
        data: { customerId: ids.customer, tags: ['重点客户', '华南区'] },
      });
  });

  it('changes nothing when every tag is present already', () => {
    given(aRegisteredCustomer({ tags: ['VIP', '华南区'] }))
      .when(aCommand('TagCustomer', { tags: ['华南区 ', 'VIP'] }))
      .thenNothingHappens();
  });

  it('fills the customer up to fifty tags', () => {
    given(aRegisteredCustomer({ tags: tagged(49) }))
      .when(aCommand('TagCustomer', { tags: ['第五十个'] }))
      .then({ type: 'CustomerTagged', data: { customerId: ids.customer, tags: ['第五十个'] } });
  });

  it('refuses a fifty-first tag: TOO_MANY_TAGS', () => {
    given(aRegisteredCustomer({ tags: tagged(49) }))
      .when(aCommand('TagCustomer', { tags: ['第五十个', '第五十一个'] }))
      .thenThrows('TOO_MANY_TAGS', { limit: 50, current: 49, adding: 2 });
  });

  it('refuses a blank tag: INVALID_FIELD required', () => {
    given(aRegisteredCustomer())
      .when(aCommand('TagCustomer', { tags: ['  '] }))
      .thenThrows('INVALID_FIELD', { field: 'tags', reason: 'required' });
  });

  it('refuses a tag over 32 characters: INVALID_FIELD too_long', () => {
    const tag = '长'.repeat(33);
    given(aRegisteredCustomer())
      .when(aCommand('TagCustomer', { tags: [tag] }))
      .thenThrows('INVALID_FIELD', { field: 'tags', reason: 'too_long', value: tag, max: 32 });
  });
});
