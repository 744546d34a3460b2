import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);
const archived = {
  type: 'CustomerArchived',
  data: { customerId: ids.customer, reason: '客户公司已注销' },
} as const;

describe('ArchiveCustomer', () => {
  it('archives with the reason given', () => {
    given(aRegisteredCustomer())
      .when(aCommand('ArchiveCustomer', { reason: ' 客户公司已注销 ' }))
      .then(archived);
  });

  it('changes nothing when archived already', () => {
    given(aRegisteredCustomer(), archived)
      .when(aCommand('ArchiveCustomer', { reason: '重复录入' }))
      .thenNothingHappens();
  });

  it('refuses to archive without a reason: INVALID_FIELD required', () => {
    given(aRegisteredCustomer())
      .when(aCommand('ArchiveCustomer', { reason: '  ' }))
      .thenThrows('INVALID_FIELD', { field: 'reason', reason: 'required' });
  });
});
