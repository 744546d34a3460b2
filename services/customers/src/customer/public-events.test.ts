import { customerEventSchemas, customerPublicEventTypes } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from './customer.ts';
import { aRegisteredCompany, aRegistrationRejected, anInteractionLogged, ids } from './fixtures.ts';
import { toPublicEvent } from './public-events.ts';

const id = { customerId: ids.customer };

/** One of each internal event, as full as it gets; the type makes leaving one out a compile error. */
const oneOfEach: { [Type in CustomerEvent['type']]: Extract<CustomerEvent, { type: Type }> } = {
  CustomerRegistered: aRegisteredCompany({
    profile: {
      name: '深圳示例科技有限公司',
      address: {
        country: 'CN',
        province: '广东省',
        city: '深圳市',
        district: '南山区',
        street: '科技园南区 1 号',
        postalCode: '518057',
      },
      industry: 'manufacturing',
      website: 'https://www.example.com.cn/',
      creditCode: '91440300708461136T',
      registeredCapital: { amount: '10000000', currency: 'CNY' },
    },
    source: 'lead_conversion',
    leadId: ids.lead,
  }),
  RegistrationRejected: aRegistrationRejected(),
  ProfileUpdated: {
    type: 'ProfileUpdated',
    data: { ...id, changes: { name: '王芳芳', birthday: null, interests: ['茶'] } },
  },
  ContactsChanged: {
    type: 'ContactsChanged',
    data: { ...id, phones: ['+8613812345678'], emails: ['wang.fang@example.cn'] },
  },
  CustomerTagged: { type: 'CustomerTagged', data: { ...id, tags: ['VIP'] } },
  CustomerUntagged: { type: 'CustomerUntagged', data: { ...id, tags: ['VIP'] } },
  CustomerClassified: {
    type: 'CustomerClassified',
    data: { ...id, changes: { lifecycleStage: 'customer', size: null, valueTier: 'A' } },
  },
  OwnerAssigned: {
    type: 'OwnerAssigned',
    data: { ...id, ownerId: ids.manager, previousOwnerId: null },
  },
  InteractionLogged: anInteractionLogged({
    outcome: '客户有意向试用',
    nextStep: '寄送试用合同',
    nextFollowUpAt: '2026-03-05T02:00:00.000Z',
    durationMinutes: 30,
  }),
  MergedInto: { type: 'MergedInto', data: { ...id, mergedInto: ids.survivor } },
  DuplicateAbsorbed: {
    type: 'DuplicateAbsorbed',
    data: {
      ...id,
      duplicateId: 'cus-3003',
      phonesAdded: ['+8613900001111'],
      emailsAdded: [],
      tagsAdded: ['展会'],
      interactionCount: 4,
    },
  },
  CustomerArchived: { type: 'CustomerArchived', data: { ...id, reason: '客户公司已注销' } },
  CustomerRestored: { type: 'CustomerRestored', data: id },
  PersonalDataErased: {
    type: 'PersonalDataErased',
    data: { ...id, reason: 'data_subject_request' },
  },
};

const cases = Object.values(oneOfEach).map((event) => [event.type, event] as const);

describe('toPublicEvent', () => {
  it.each(cases)('maps %s to a public event its contract accepts, unchanged', (_, event) => {
    const published = toPublicEvent(event);
    const parsed = customerEventSchemas[published.type].safeParse(published.data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // Parsing strips what the contract does not know: equal means nothing leaked past it.
    expect(parsed.data).toEqual(published.data);
    expect(published.data.customerId).toBe(ids.customer);
  });

  // Today every public event says exactly what its fact says; when they diverge, say how here.
  it.each(cases)('carries every field of %s', (_, event) => {
    expect(toPublicEvent(event).data).toEqual(event.data);
  });

  it('publishes every public type, one internal event each', () => {
    const published = Object.values(oneOfEach).map((event) => toPublicEvent(event).type);
    expect(published.toSorted()).toEqual(customerPublicEventTypes.toSorted());
  });

  it('leaves out the optional fields an event does not have', () => {
    const { source: _source, ...withoutSource } = aRegisteredCompany().data;
    const published = toPublicEvent({ type: 'CustomerRegistered', data: withoutSource });
    expect(published.data).not.toHaveProperty('source');
    expect(toPublicEvent(anInteractionLogged()).data).not.toHaveProperty('outcome');
    expect(toPublicEvent(aRegisteredCompany()).data).not.toHaveProperty('leadId');
    const {
      existingCustomerId: _existing,
      detail: _detail,
      ...data
    } = aRegistrationRejected().data;
    expect(toPublicEvent({ type: 'RegistrationRejected', data }).data).toEqual({
      customerId: ids.customer,
      leadId: ids.lead,
      reason: 'DUPLICATE_CONTACT',
      rejectedAt: data.rejectedAt,
    });
  });
});
