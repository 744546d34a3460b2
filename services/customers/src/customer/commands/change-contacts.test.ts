import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);

describe('ChangeContacts', () => {
  it('replaces phones and e-mails with the normalised lists', () => {
    given(aRegisteredCustomer())
      .when(
        aCommand('ChangeContacts', {
          phones: ['139 0000 1111', '+8613812345678'],
          emails: ['WANG.FANG@example.cn', 'wf@example.com'],
        }),
      )
      .then({
        type: 'ContactsChanged',
        data: {
          customerId: ids.customer,
          phones: ['+8613900001111', '+8613812345678'],
          emails: ['wang.fang@example.cn', 'wf@example.com'],
        },
      });
  });

  it('records a new primary when only the order changes', () => {
    given(aRegisteredCustomer({ phones: ['+8613812345678', '+8613900001111'] }))
      .when(
        aCommand('ChangeContacts', {
          phones: ['13900001111', '13812345678'],
          emails: ['wang.fang@example.cn'],
        }),
      )
      .then({
        type: 'ContactsChanged',
        data: {
          customerId: ids.customer,
          phones: ['+8613900001111', '+8613812345678'],
          emails: ['wang.fang@example.cn'],
        },
      });
  });

  it('changes nothing when the lists are the same once normalised', () => {
    given(aRegisteredCustomer())
      .when(
        aCommand('ChangeContacts', {
          phones: ['138-1234-5678', '+86 13812345678'],
          emails: ['Wang.Fang@Example.cn'],
        }),
      )
      .thenNothingHappens();
  });

  it('refuses to leave the customer unreachable: CONTACT_REQUIRED', () => {
    given(aRegisteredCustomer())
      .when(aCommand('ChangeContacts', { phones: [], emails: [] }))
      .thenThrows('CONTACT_REQUIRED');
  });

  it('names the phone number it cannot read: INVALID_PHONE', () => {
    given(aRegisteredCustomer())
      .when(aCommand('ChangeContacts', { phones: ['138-1234-567x'], emails: [] }))
      .thenThrows('INVALID_PHONE', { value: '138-1234-567x', reason: 'invalid_characters' });
  });
});
