// Given a customer's events, the summary the lookup keeps of it.
import { describe, expect, it } from 'vitest';
import type { CustomerSummary } from '../sales-deps.ts';
import { nextSummary } from './customer-summary.ts';
import { aCustomerLife, aRegistration, aRejection, feedEvent } from './feed-fixtures.ts';

const id = 'cus-0042';
const fold = (events: Parameters<typeof feedEvent>[0][]): CustomerSummary | null =>
  events.reduce<CustomerSummary | null>(
    (summary, event, revision) => nextSummary(summary, feedEvent(event, revision)) ?? summary,
    null,
  );
const registered = (): CustomerSummary => fold([aRegistration({ customerId: id })])!;

describe('nextSummary', () => {
  it('keeps name, kind, owner, status and contacts of a registration', () => {
    expect(registered()).toEqual({
      customerId: id,
      name: '深圳示例科技有限公司',
      kind: 'company',
      ownerId: 'usr-li-na',
      status: 'active',
      phones: ['+8613812345678'],
      emails: ['info@example.cn'],
      revision: 0,
    });
  });

  it('follows renames, owner changes and new contacts', () => {
    expect(fold(aCustomerLife(id))).toEqual({
      customerId: id,
      name: '深圳示例科技股份有限公司',
      kind: 'company',
      ownerId: 'usr-wang-qiang',
      status: 'active',
      phones: ['+8613900000001'],
      emails: ['info@example.cn'],
      revision: 3,
    });
  });

  it('writes nothing for events that touch no field it keeps', () => {
    const tagged = feedEvent(
      { type: 'crm.customer.tagged.v1', data: { customerId: id, tags: ['vip'] } },
      1,
    );
    const otherProfileField = feedEvent(
      {
        type: 'crm.customer.profile_updated.v1',
        data: { customerId: id, changes: { website: null } },
      },
      1,
    );
    expect(nextSummary(registered(), tagged)).toBeNull();
    expect(nextSummary(registered(), otherProfileField)).toBeNull();
  });

  it('writes nothing for a change to a customer it never saw registered', () => {
    const [, renamed] = aCustomerLife(id);
    expect(nextSummary(null, feedEvent(renamed!, 1))).toBeNull();
  });

  it('archives and restores', () => {
    const archived = nextSummary(
      registered(),
      feedEvent(
        { type: 'crm.customer.archived.v1', data: { customerId: id, reason: '不再合作' } },
        1,
      ),
    );
    expect(archived).toMatchObject({ status: 'archived', revision: 1 });
    const restored = nextSummary(
      archived,
      feedEvent({ type: 'crm.customer.restored.v1', data: { customerId: id } }, 2),
    );
    expect(restored).toMatchObject({ status: 'active', revision: 2 });
  });

  it('marks a merged duplicate and hands its contacts to the survivor', () => {
    const merged = nextSummary(
      registered(),
      feedEvent(
        { type: 'crm.customer.merged.v1', data: { customerId: id, mergedInto: 'cus-7' } },
        1,
      ),
    );
    expect(merged).toMatchObject({ status: 'merged', mergedInto: 'cus-7', phones: [], emails: [] });

    const survivor = fold([aRegistration({ customerId: 'cus-7', phones: ['+8613900000009'] })]);
    const absorbed = nextSummary(
      survivor,
      feedEvent(
        {
          type: 'crm.customer.duplicate_absorbed.v1',
          data: {
            customerId: 'cus-7',
            duplicateId: id,
            phonesAdded: ['+8613812345678', '+8613900000009'],
            emailsAdded: ['info@example.cn'],
            tagsAdded: [],
            interactionCount: 2,
          },
        },
        1,
      ),
    );
    expect(absorbed).toMatchObject({
      phones: ['+8613900000009', '+8613812345678'],
      emails: ['info@example.cn'],
      status: 'active',
    });
  });

  it('forgets the name and contacts of an erased customer', () => {
    const erased = nextSummary(
      registered(),
      feedEvent(
        {
          type: 'crm.customer.personal_data_erased.v1',
          data: { customerId: id, reason: 'data_subject_request' },
        },
        1,
      ),
    );
    expect(erased).toEqual({
      customerId: id,
      name: '',
      kind: 'company',
      ownerId: 'usr-li-na',
      status: 'erased',
      phones: [],
      emails: [],
      revision: 1,
    });
  });

  it('keeps a refused registration as a rejected id, never over a real customer', () => {
    expect(nextSummary(null, feedEvent(aRejection(), 0))).toMatchObject({
      customerId: 'cus-lead-1001',
      status: 'rejected',
      phones: [],
    });
    expect(nextSummary(registered(), feedEvent(aRejection({ customerId: id }), 1))).toBeNull();
  });

  it('lets a registration after a refusal make the customer active', () => {
    const rejected = nextSummary(null, feedEvent(aRejection(), 0));
    const later = nextSummary(
      rejected,
      feedEvent(aRegistration({ customerId: 'cus-lead-1001', leadId: 'lead-1001' }), 1),
    );
    expect(later).toMatchObject({ status: 'active', name: '深圳示例科技有限公司', revision: 1 });
  });
});
