// What every command says about customers it cannot act on. The outcomes of each command are
// specified beside it, in commands/*.test.ts.
import { specification } from '@crm/decider/testing';
import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from './customer.ts';
import { customerDecider, decide, type CustomerCommand } from './decide.ts';
import {
  aCommand,
  aRegisteredCustomer,
  aRegistrationRejected,
  anInteraction,
  ids,
  now,
} from './fixtures.ts';

const { given } = specification(customerDecider);

const archived: CustomerEvent = {
  type: 'CustomerArchived',
  data: { customerId: ids.customer, reason: '客户公司已注销' },
};
const merged: CustomerEvent = {
  type: 'MergedInto',
  data: { customerId: ids.customer, mergedInto: ids.survivor },
};
const erased: CustomerEvent = {
  type: 'PersonalDataErased',
  data: { customerId: ids.customer, reason: 'data_subject_request' },
};

/** Every command that needs an active customer, each valid in itself. */
const commandsOnActive: CustomerCommand[] = [
  aCommand('UpdateProfile', { changes: { name: '王芳芳' } }),
  aCommand('ChangeContacts', { phones: ['13900001111'], emails: [] }),
  aCommand('TagCustomer', { tags: ['重点客户'] }),
  aCommand('UntagCustomer', { tags: ['VIP'] }),
  aCommand('ClassifyCustomer', { changes: { valueTier: 'B' } }),
  aCommand('AssignOwner', { ownerId: ids.manager }),
  anInteraction(),
  aCommand('MergeDuplicate', { survivorId: ids.survivor }),
  aCommand('AbsorbDuplicate', {
    duplicateId: 'cus-3003',
    duplicate: { phones: [], emails: [], tags: [], interactionCount: 0 },
  }),
];
const name = (command: CustomerCommand) => command.type;

describe('commands on a customer that cannot take them', () => {
  it.each(
    [...commandsOnActive, aCommand('ArchiveCustomer', { reason: '重复录入' })].map(
      (command) => [name(command), command] as const,
    ),
  )('%s: CUSTOMER_NOT_FOUND before registration', (_, command) => {
    given().when(command).thenThrows('CUSTOMER_NOT_FOUND', { customerId: ids.customer });
  });

  it.each(commandsOnActive.map((command) => [name(command), command] as const))(
    '%s: CUSTOMER_ARCHIVED once archived',
    (_, command) => {
      given(aRegisteredCustomer(), archived)
        .when(command)
        .thenThrows('CUSTOMER_ARCHIVED', { customerId: ids.customer });
    },
  );

  it.each(
    [...commandsOnActive, aCommand('ArchiveCustomer', { reason: '重复录入' })]
      .filter((command) => command.type !== 'MergeDuplicate')
      .map((command) => [name(command), command] as const),
  )('%s: CUSTOMER_MERGED, naming the survivor', (_, command) => {
    given(aRegisteredCustomer(), merged)
      .when(command)
      .thenThrows('CUSTOMER_MERGED', { customerId: ids.customer, mergedInto: ids.survivor });
  });

  it('RestoreCustomer: CUSTOMER_MERGED after a merge', () => {
    given(aRegisteredCustomer(), merged)
      .when(aCommand('RestoreCustomer', {}))
      .thenThrows('CUSTOMER_MERGED', { mergedInto: ids.survivor });
  });

  it.each(
    [
      ...commandsOnActive,
      aCommand('ArchiveCustomer', { reason: '重复录入' }),
      aCommand('RestoreCustomer', {}),
    ].map((command) => [name(command), command] as const),
  )('%s: CUSTOMER_ERASED after erasure', (_, command) => {
    given(aRegisteredCustomer(), erased)
      .when(command)
      .thenThrows('CUSTOMER_ERASED', { customerId: ids.customer });
  });

  it.each(
    [
      ...commandsOnActive,
      aCommand('ArchiveCustomer', { reason: '重复录入' }),
      aCommand('RestoreCustomer', {}),
      aCommand('ErasePersonalData', { reason: 'data_subject_request' }),
    ].map((command) => [name(command), command] as const),
  )('%s: CUSTOMER_NOT_FOUND after a refused registration', (_, command) => {
    given(aRegistrationRejected()).when(command).thenThrows('CUSTOMER_NOT_FOUND', {
      customerId: ids.customer,
      registrationRejected: 'DUPLICATE_CONTACT',
    });
  });

  it('RestoreCustomer: CUSTOMER_NOT_FOUND before registration', () => {
    given().when(aCommand('RestoreCustomer', {})).thenThrows('CUSTOMER_NOT_FOUND');
  });
});

describe('decide', () => {
  it('refuses a command it does not know, even from untyped input', () => {
    const unknown = { type: 'DeleteCustomer', customerId: ids.customer, at: now } as never;
    expect(() => decide(unknown, customerDecider.initialState)).toThrow(TypeError);
  });
});
