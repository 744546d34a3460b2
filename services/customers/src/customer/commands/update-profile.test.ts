import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCompany, aRegisteredCustomer, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);

describe('UpdateProfile', () => {
  it('records only the fields that change', () => {
    given(aRegisteredCustomer())
      .when(
        aCommand('UpdateProfile', {
          changes: { name: '王芳芳', gender: 'female', interests: ['高尔夫'] },
        }),
      )
      .then({
        type: 'ProfileUpdated',
        data: { customerId: ids.customer, changes: { name: '王芳芳', interests: ['高尔夫'] } },
      });
  });

  it('clears a field with null, and an emptied list counts as cleared', () => {
    given(
      aRegisteredCustomer({ profile: { name: '王芳', birthday: '1988-06-15', interests: ['茶'] } }),
    )
      .when(aCommand('UpdateProfile', { changes: { birthday: null, interests: [] } }))
      .then({
        type: 'ProfileUpdated',
        data: { customerId: ids.customer, changes: { birthday: null, interests: null } },
      });
  });

  it("replaces a company's address and industry", () => {
    const address = { country: 'CN', province: '北京市', city: '北京市', district: '朝阳区' };
    given(aRegisteredCompany())
      .when(aCommand('UpdateProfile', { changes: { address, industry: 'finance' } }))
      .then({
        type: 'ProfileUpdated',
        data: { customerId: ids.customer, changes: { address, industry: 'finance' } },
      });
  });

  it('changes nothing when every value is the one already there, as normalised', () => {
    given(aRegisteredCustomer())
      .when(aCommand('UpdateProfile', { changes: { name: ' 王芳 ', birthday: '1988-06-15' } }))
      .thenNothingHappens();
  });

  it('changes nothing when clearing a field that is empty already', () => {
    given(aRegisteredCustomer())
      .when(aCommand('UpdateProfile', { changes: { interests: null } }))
      .thenNothingHappens();
  });

  it('refuses company fields on a person: FIELD_NOT_APPLICABLE', () => {
    given(aRegisteredCustomer())
      .when(aCommand('UpdateProfile', { changes: { industry: 'finance' } }))
      .thenThrows('FIELD_NOT_APPLICABLE', { field: 'industry', kind: 'person' });
  });

  it('refuses an invalid value: INVALID_FIELD', () => {
    given(aRegisteredCustomer())
      .when(aCommand('UpdateProfile', { changes: { birthday: '2030-01-01' } }))
      .thenThrows('INVALID_FIELD', { field: 'birthday', reason: 'in_future' });
  });
});
