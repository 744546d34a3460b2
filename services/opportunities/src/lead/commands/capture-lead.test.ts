import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { leadDecider } from '../decide.ts';
import { aCapture, aLeadCaptured, asManager, asSystem, ids, now } from '../fixtures.ts';

const { given } = specification(leadDecider);

describe('CaptureLead', () => {
  it('captures a lead into its pool, contacts normalised and text trimmed', () => {
    given()
      .when(
        aCapture({
          ...asSystem,
          name: ' 李雷 ',
          company: ' 深圳示例科技有限公司 ',
          phones: ['138 1234 5678', '+86 138-1234-5678', '0755-12345678'],
          emails: [' Li.Lei@Example.CN '],
          source: 'website',
          campaignId: ids.campaign,
          notes: ' 官网留资,关注 ERP 对接 ',
          region: { province: ' 广东省 ', city: '深圳市' },
          industry: 'manufacturing',
        }),
      )
      .then({
        type: 'LeadCaptured',
        data: {
          leadId: ids.lead,
          name: '李雷',
          company: '深圳示例科技有限公司',
          phones: ['+8613812345678', '+8675512345678'],
          emails: ['li.lei@example.cn'],
          source: 'website',
          campaignId: ids.campaign,
          notes: '官网留资,关注 ERP 对接',
          region: { province: '广东省', city: '深圳市' },
          industry: 'manufacturing',
          poolId: ids.pool,
          ownerId: null,
          capturedBy: ids.system,
          capturedAt: now,
        },
      });
  });

  it('lets a sales rep capture a lead for themselves, leaving out what is blank', () => {
    given()
      .when(aCapture({ ownerId: ids.salesRep, company: ' ', notes: '', campaignId: '' }))
      .then({
        type: 'LeadCaptured',
        data: {
          leadId: ids.lead,
          name: '李雷',
          phones: ['+8613812345678'],
          emails: [],
          source: 'exhibition',
          poolId: ids.pool,
          ownerId: ids.salesRep,
          capturedBy: ids.salesRep,
          capturedAt: now,
        },
      });
  });

  it('lets a manager capture a lead for a rep', () => {
    given()
      .when(aCapture({ ...asManager, ownerId: ids.salesRep }))
      .then({
        type: 'LeadCaptured',
        data: {
          leadId: ids.lead,
          name: '李雷',
          phones: ['+8613812345678'],
          emails: [],
          source: 'exhibition',
          poolId: ids.pool,
          ownerId: ids.salesRep,
          capturedBy: ids.manager,
          capturedAt: now,
        },
      });
  });

  it('flags a possible duplicate of an existing customer, and captures it all the same', () => {
    given()
      .when(aCapture({ matchingCustomerId: ids.existingCustomer }))
      .then({
        type: 'LeadCaptured',
        data: {
          leadId: ids.lead,
          name: '李雷',
          phones: ['+8613812345678'],
          emails: [],
          source: 'exhibition',
          poolId: ids.pool,
          ownerId: null,
          matchingCustomerId: ids.existingCustomer,
          capturedBy: ids.salesRep,
          capturedAt: now,
        },
      });
  });

  it('refuses an id that is taken: LEAD_ALREADY_CAPTURED', () => {
    given(aLeadCaptured())
      .when(aCapture())
      .thenThrows('LEAD_ALREADY_CAPTURED', { leadId: ids.lead });
  });

  it('refuses a sales rep giving a lead to someone else: ROLE_NOT_ALLOWED', () => {
    given()
      .when(aCapture({ ownerId: ids.otherRep }))
      .thenThrows('ROLE_NOT_ALLOWED', { role: 'sales_rep' });
  });

  it('refuses a lead nobody can reach: CONTACT_REQUIRED', () => {
    given()
      .when(aCapture({ phones: [], emails: [] }))
      .thenThrows('CONTACT_REQUIRED');
  });

  it('names the phone number it cannot read: INVALID_PHONE', () => {
    given()
      .when(aCapture({ phones: ['13812345678', '1381234'] }))
      .thenThrows('INVALID_PHONE', { value: '1381234', index: 1, reason: 'invalid_cn_number' });
  });

  it('names the e-mail address it cannot read: INVALID_EMAIL', () => {
    given()
      .when(aCapture({ emails: ['li.lei@'] }))
      .thenThrows('INVALID_EMAIL', { value: 'li.lei@', index: 0, reason: 'invalid_format' });
  });

  it('refuses more than ten phone numbers: INVALID_FIELD too_many', () => {
    const phones = Array.from({ length: 11 }, (_, i) => `1380000${String(i).padStart(4, '0')}`);
    given()
      .when(aCapture({ phones }))
      .thenThrows('INVALID_FIELD', { field: 'phones', reason: 'too_many', limit: 10 });
  });

  it('refuses more than ten e-mail addresses: INVALID_FIELD too_many', () => {
    const emails = Array.from({ length: 11 }, (_, i) => `user${i}@example.cn`);
    given()
      .when(aCapture({ emails }))
      .thenThrows('INVALID_FIELD', { field: 'emails', reason: 'too_many', limit: 10 });
  });

  it('refuses a blank name: INVALID_FIELD required', () => {
    given()
      .when(aCapture({ name: '  ' }))
      .thenThrows('INVALID_FIELD', { field: 'name', reason: 'required' });
  });

  it('refuses a company name over 200 characters: INVALID_FIELD too_long', () => {
    given()
      .when(aCapture({ company: '公'.repeat(201) }))
      .thenThrows('INVALID_FIELD', { field: 'company', reason: 'too_long', max: 200 });
  });

  it('refuses a region without a city: INVALID_FIELD required', () => {
    given()
      .when(aCapture({ region: { province: '广东省', city: ' ' } }))
      .thenThrows('INVALID_FIELD', { field: 'region.city', reason: 'required' });
  });

  it('refuses notes over 2000 characters: INVALID_FIELD too_long', () => {
    given()
      .when(aCapture({ notes: '记'.repeat(2001) }))
      .thenThrows('INVALID_FIELD', { field: 'notes', reason: 'too_long', max: 2000 });
  });

  it('refuses a blank pool: INVALID_FIELD required', () => {
    given()
      .when(aCapture({ poolId: '' }))
      .thenThrows('INVALID_FIELD', { field: 'poolId', reason: 'required' });
  });
});
