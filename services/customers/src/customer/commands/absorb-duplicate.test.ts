import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { DuplicateAbsorbed } from '../customer.ts';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';
import type { DuplicateSnapshot } from './absorb-duplicate.ts';

const { given } = specification(customerDecider);
const duplicateId = 'cus-3003';

const absorb = (duplicate: Partial<DuplicateSnapshot> = {}) =>
  aCommand('AbsorbDuplicate', {
    duplicateId,
    duplicate: { phones: [], emails: [], tags: [], interactionCount: 0, ...duplicate },
  });
const absorbed = (data: Partial<DuplicateAbsorbed['data']> = {}): DuplicateAbsorbed => ({
  type: 'DuplicateAbsorbed',
  data: {
    customerId: ids.customer,
    duplicateId,
    phonesAdded: [],
    emailsAdded: [],
    tagsAdded: [],
    interactionCount: 0,
    ...data,
  },
});

describe('AbsorbDuplicate', () => {
  it("takes over the duplicate's contacts and tags the survivor lacks, and its timeline", () => {
    given(aRegisteredCustomer({ phones: ['+8613812345678'], emails: [], tags: ['VIP'] }))
      .when(
        absorb({
          phones: ['+8613812345678', '+8613900001111'],
          emails: ['wang.fang@example.cn'],
          tags: ['VIP', '展会'],
          interactionCount: 7,
        }),
      )
      .then(
        absorbed({
          phonesAdded: ['+8613900001111'],
          emailsAdded: ['wang.fang@example.cn'],
          tagsAdded: ['展会'],
          interactionCount: 7,
        }),
      );
  });

  it('records the absorption even when there is nothing new to take over', () => {
    given(aRegisteredCustomer())
      .when(absorb({ phones: ['+8613812345678'] }))
      .then(absorbed());
  });

  it('goes past the contact limits rather than lose a phone number', () => {
    const phones = Array.from({ length: 11 }, (_, index) => `+86139000011${10 + index}`);
    given(aRegisteredCustomer({ phones: [] }))
      .when(absorb({ phones }))
      .then(absorbed({ phonesAdded: phones }));
  });

  it('goes past the tag limit rather than lose a tag', () => {
    const tags = Array.from({ length: 50 }, (_, index) => `标签${index}`);
    given(aRegisteredCustomer({ tags }))
      .when(absorb({ tags: ['展会'] }))
      .then(absorbed({ tagsAdded: ['展会'] }));
  });

  it('changes nothing when that duplicate was absorbed already', () => {
    given(aRegisteredCustomer(), absorbed())
      .when(absorb({ tags: ['展会'] }))
      .thenNothingHappens();
  });

  it('remembers what it took over', () => {
    given(aRegisteredCustomer({ tags: [] }), absorbed({ tagsAdded: ['展会'] }))
      .when(aCommand('TagCustomer', { tags: ['展会'] }))
      .thenNothingHappens();
  });

  it('refuses to absorb itself: CANNOT_MERGE_INTO_SELF', () => {
    given(aRegisteredCustomer())
      .when(aCommand('AbsorbDuplicate', { ...absorb(), duplicateId: ids.customer }))
      .thenThrows('CANNOT_MERGE_INTO_SELF', { customerId: ids.customer });
  });
});
