import { fold } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import { evolve, initialState, type CustomerEvent } from './customer.ts';
import {
  aRegisteredCompany,
  aRegisteredCustomer,
  aRegistrationRejected,
  anInteractionLogged,
  ids,
} from './fixtures.ts';

const customer = { initialState, evolve };
const id = { customerId: ids.customer };

describe('evolve', () => {
  it('remembers what decisions need from a whole history', () => {
    const history: CustomerEvent[] = [
      aRegisteredCompany({ tags: ['VIP'], ownerId: null }),
      { type: 'ProfileUpdated', data: { ...id, changes: { industry: 'finance', website: null } } },
      { type: 'ContactsChanged', data: { ...id, phones: ['+862112345678'], emails: [] } },
      { type: 'CustomerTagged', data: { ...id, tags: ['华东区', '展会'] } },
      { type: 'CustomerUntagged', data: { ...id, tags: ['展会'] } },
      {
        type: 'CustomerClassified',
        data: { ...id, changes: { lifecycleStage: 'at_risk', size: null } },
      },
      { type: 'OwnerAssigned', data: { ...id, ownerId: ids.manager, previousOwnerId: null } },
      anInteractionLogged(),
      {
        type: 'DuplicateAbsorbed',
        data: {
          ...id,
          duplicateId: 'cus-3003',
          phonesAdded: ['+8613900001111'],
          emailsAdded: ['cfo@example.com.cn'],
          tagsAdded: ['老客户'],
          interactionCount: 4,
        },
      },
      { type: 'CustomerArchived', data: { ...id, reason: '暂停合作' } },
      { type: 'CustomerRestored', data: id },
    ];
    expect(fold(customer, history)).toEqual({
      status: 'active',
      customerId: ids.customer,
      kind: 'company',
      profile: {
        name: '深圳示例科技有限公司',
        industry: 'finance',
        creditCode: '91440300708461136T',
        registeredCapital: { amount: '10000000', currency: 'CNY' },
      },
      phones: ['+862112345678', '+8613900001111'],
      emails: ['cfo@example.com.cn'],
      tags: ['VIP', '华东区', '老客户'],
      classification: { lifecycleStage: 'at_risk', valueTier: 'A' },
      ownerId: ids.manager,
      interactionIds: [ids.interaction],
      interactionCount: 5,
      absorbedDuplicateIds: ['cus-3003'],
    });
  });

  it('keeps the reason while archived', () => {
    const archived = fold(customer, [
      aRegisteredCustomer(),
      { type: 'CustomerArchived', data: { ...id, reason: '暂停合作' } },
    ]);
    expect(archived).toMatchObject({ status: 'archived', archiveReason: '暂停合作' });
  });

  it('remembers only where a merged duplicate went', () => {
    const merged = fold(customer, [
      aRegisteredCustomer(),
      { type: 'MergedInto', data: { ...id, mergedInto: ids.survivor } },
    ]);
    expect(merged).toEqual({
      status: 'merged',
      customerId: ids.customer,
      mergedInto: ids.survivor,
    });
  });

  it('forgets everything personal on erasure', () => {
    const erased = fold(customer, [
      aRegisteredCustomer(),
      anInteractionLogged(),
      { type: 'PersonalDataErased', data: { ...id, reason: 'data_subject_request' } },
    ]);
    expect(erased).toEqual({ status: 'erased', customerId: ids.customer });
  });

  it('remembers the lead a customer was registered for', () => {
    expect(fold(customer, [aRegisteredCustomer({ leadId: ids.lead })])).toMatchObject({
      status: 'active',
      leadId: ids.lead,
    });
  });

  it('remembers of a refused registration the lead, the reason and the holder, not the detail', () => {
    expect(fold(customer, [aRegistrationRejected()])).toEqual({
      status: 'rejected',
      customerId: ids.customer,
      leadId: ids.lead,
      reason: 'DUPLICATE_CONTACT',
      existingCustomerId: ids.survivor,
    });
  });

  it('ignores facts about a record it does not hold (a replay can never resurrect one)', () => {
    const erased = fold(customer, [
      aRegisteredCustomer(),
      { type: 'PersonalDataErased', data: { ...id, reason: 'data_subject_request' } },
      { type: 'CustomerTagged', data: { ...id, tags: ['VIP'] } },
    ]);
    expect(erased).toEqual({ status: 'erased', customerId: ids.customer });
    expect(evolve(initialState, anInteractionLogged())).toEqual(initialState);
  });
});
