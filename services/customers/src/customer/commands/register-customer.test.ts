import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aLeadRegistration, aRegisteredCustomer, aRegistration, ids } from '../fixtures.ts';

const { given } = specification(customerDecider);

describe('RegisterCustomer', () => {
  it('registers a person as a lead in the shared pool, contacts and tags normalised', () => {
    given()
      .when(
        aRegistration({
          profile: { name: ' 王芳 ', gender: 'female', birthday: '1988-06-15' },
          phones: ['138 1234 5678', '+86 138-1234-5678', '010-12345678'],
          emails: [' Wang.Fang@Example.CN '],
          tags: [' VIP ', 'VIP', '华南区'],
          source: 'exhibition',
        }),
      )
      .then({
        type: 'CustomerRegistered',
        data: {
          customerId: ids.customer,
          kind: 'person',
          profile: { name: '王芳', gender: 'female', birthday: '1988-06-15' },
          phones: ['+8613812345678', '+861012345678'],
          emails: ['wang.fang@example.cn'],
          tags: ['VIP', '华南区'],
          classification: { lifecycleStage: 'lead' },
          source: 'exhibition',
          ownerId: null,
        },
      });
  });

  it('registers a company at the stage and with the owner it is imported with', () => {
    given()
      .when(
        aRegistration({
          kind: 'company',
          profile: {
            name: '深圳示例科技有限公司',
            industry: 'manufacturing',
            website: 'www.example.com.cn',
            creditCode: '91440300708461136t',
            registeredCapital: { amount: '10000000', currency: 'cny' },
          },
          phones: [],
          emails: ['sales@example.com.cn'],
          classification: { lifecycleStage: 'customer', size: 'large', valueTier: 'A' },
          ownerId: ids.manager,
        }),
      )
      .then({
        type: 'CustomerRegistered',
        data: {
          customerId: ids.customer,
          kind: 'company',
          profile: {
            name: '深圳示例科技有限公司',
            industry: 'manufacturing',
            website: 'https://www.example.com.cn/',
            creditCode: '91440300708461136T',
            registeredCapital: { amount: '10000000', currency: 'CNY' },
          },
          phones: [],
          emails: ['sales@example.com.cn'],
          tags: [],
          classification: { lifecycleStage: 'customer', size: 'large', valueTier: 'A' },
          ownerId: ids.manager,
        },
      });
  });

  it('takes an empty list of interests for none', () => {
    given()
      .when(aRegistration({ profile: { name: '王芳', interests: [] } }))
      .then({
        type: 'CustomerRegistered',
        data: {
          customerId: ids.customer,
          kind: 'person',
          profile: { name: '王芳' },
          phones: ['+8613812345678'],
          emails: [],
          tags: [],
          classification: { lifecycleStage: 'lead' },
          ownerId: null,
        },
      });
  });

  it('refuses an id that is taken: CUSTOMER_ALREADY_REGISTERED', () => {
    given(aRegisteredCustomer())
      .when(aRegistration())
      .thenThrows('CUSTOMER_ALREADY_REGISTERED', { customerId: ids.customer });
  });

  it('refuses a customer nobody can reach: CONTACT_REQUIRED', () => {
    given()
      .when(aRegistration({ phones: [], emails: [] }))
      .thenThrows('CONTACT_REQUIRED');
  });

  it('names the phone number it cannot read: INVALID_PHONE', () => {
    given()
      .when(aRegistration({ phones: ['13812345678', '1381234'] }))
      .thenThrows('INVALID_PHONE', { value: '1381234', index: 1, reason: 'invalid_cn_number' });
  });

  it('names the e-mail address it cannot read: INVALID_EMAIL', () => {
    given()
      .when(aRegistration({ emails: ['wang.fang@'] }))
      .thenThrows('INVALID_EMAIL', { value: 'wang.fang@', index: 0, reason: 'invalid_format' });
  });

  it('refuses more than ten phone numbers: INVALID_FIELD too_many', () => {
    const phones = Array.from(
      { length: 11 },
      (_, index) => `1380000${String(index).padStart(4, '0')}`,
    );
    given()
      .when(aRegistration({ phones }))
      .thenThrows('INVALID_FIELD', { field: 'phones', reason: 'too_many', limit: 10 });
  });

  it('refuses more than ten e-mail addresses: INVALID_FIELD too_many', () => {
    const emails = Array.from({ length: 11 }, (_, index) => `user${index}@example.cn`);
    given()
      .when(aRegistration({ emails }))
      .thenThrows('INVALID_FIELD', { field: 'emails', reason: 'too_many', limit: 10 });
  });

  it('refuses a blank name: INVALID_FIELD required', () => {
    given()
      .when(aRegistration({ profile: { name: '   ' } }))
      .thenThrows('INVALID_FIELD', { field: 'name', reason: 'required' });
  });

  it('refuses a name over 200 characters: INVALID_FIELD too_long', () => {
    given()
      .when(aRegistration({ profile: { name: '王'.repeat(201) } }))
      .thenThrows('INVALID_FIELD', { field: 'name', reason: 'too_long', max: 200 });
  });

  it('refuses company fields on a person: FIELD_NOT_APPLICABLE', () => {
    given()
      .when(aRegistration({ profile: { name: '王芳', creditCode: '91440300708461136T' } }))
      .thenThrows('FIELD_NOT_APPLICABLE', { field: 'creditCode', kind: 'person' });
  });

  it('refuses person fields on a company: FIELD_NOT_APPLICABLE', () => {
    given()
      .when(aRegistration({ kind: 'company', profile: { name: '示例有限公司', gender: 'male' } }))
      .thenThrows('FIELD_NOT_APPLICABLE', { field: 'gender', kind: 'company' });
  });

  it('refuses more than fifty tags: TOO_MANY_TAGS', () => {
    const tags = Array.from({ length: 51 }, (_, index) => `tag-${index}`);
    given()
      .when(aRegistration({ tags }))
      .thenThrows('TOO_MANY_TAGS', { limit: 50, current: 0, adding: 51 });
  });

  it('refuses a blank owner: INVALID_FIELD required', () => {
    given()
      .when(aRegistration({ ownerId: ' ' }))
      .thenThrows('INVALID_FIELD', { field: 'ownerId', reason: 'required' });
  });

  it('registers a customer for a converted lead, remembering the lead', () => {
    given()
      .when(aLeadRegistration({ leadId: ` ${ids.lead} ` }))
      .then({
        type: 'CustomerRegistered',
        data: {
          customerId: ids.customer,
          kind: 'person',
          profile: { name: '王芳' },
          phones: ['+8613812345678'],
          emails: [],
          tags: [],
          classification: { lifecycleStage: 'prospect' },
          source: 'lead_conversion',
          ownerId: ids.salesRep,
          leadId: ids.lead,
        },
      });
  });

  it('changes nothing when the same lead asks again once registered', () => {
    given(aRegisteredCustomer({ leadId: ids.lead }))
      .when(aLeadRegistration())
      .thenNothingHappens();
  });

  it('changes nothing when the same lead asks again once archived', () => {
    given(aRegisteredCustomer({ leadId: ids.lead }), {
      type: 'CustomerArchived',
      data: { customerId: ids.customer, reason: '重复录入' },
    })
      .when(aLeadRegistration())
      .thenNothingHappens();
  });

  it('refuses another lead the id of a lead customer: CUSTOMER_ALREADY_REGISTERED', () => {
    given(aRegisteredCustomer({ leadId: ids.lead }))
      .when(aLeadRegistration({ leadId: 'lead-9999' }))
      .thenThrows('CUSTOMER_ALREADY_REGISTERED', { customerId: ids.customer });
  });

  it('refuses a lead the id of a customer registered otherwise: CUSTOMER_ALREADY_REGISTERED', () => {
    given(aRegisteredCustomer())
      .when(aLeadRegistration())
      .thenThrows('CUSTOMER_ALREADY_REGISTERED', { customerId: ids.customer });
  });

  it('refuses a lead once its customer was merged away: CUSTOMER_ALREADY_REGISTERED', () => {
    given(aRegisteredCustomer({ leadId: ids.lead }), {
      type: 'MergedInto',
      data: { customerId: ids.customer, mergedInto: ids.survivor },
    })
      .when(aLeadRegistration())
      .thenThrows('CUSTOMER_ALREADY_REGISTERED', { customerId: ids.customer });
  });

  it('refuses a blank lead id: INVALID_FIELD required', () => {
    given()
      .when(aLeadRegistration({ leadId: ' ' }))
      .thenThrows('INVALID_FIELD', { field: 'leadId', reason: 'required' });
  });
});
