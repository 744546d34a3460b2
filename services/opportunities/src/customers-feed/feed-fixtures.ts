// Customer events as the customers service's relay puts them on crm.customers.v1 (CloudEvents,
// Kafka binary mode), and a typical customer's life, for the feed's tests only.
import { randomUUID } from 'node:crypto';
import {
  toBinaryMessage,
  type CustomerPublicEvent,
  type CustomerPublicEventData,
} from '@crm/contracts';
import type { OutgoingMessage } from '@crm/event-bus';
import type { CustomerFeedEvent } from './customer-event.ts';

export const feedNow = '2026-03-02T01:30:00.000Z';

/** One event of a customer's stream at `revision`, as it travels on the bus. */
export function customerMessage(
  event: CustomerPublicEvent,
  revision: number,
  overrides: { id?: string; subject?: string } = {},
): OutgoingMessage {
  return toBinaryMessage({
    specversion: '1.0',
    id: overrides.id ?? randomUUID(),
    source: 'crm/customers',
    type: event.type,
    subject: overrides.subject ?? event.data.customerId,
    time: feedNow,
    datacontenttype: 'application/json',
    correlationid: 'corr-feed-test',
    causationid: 'cause-feed-test',
    actor: 'usr-zhang-wei',
    streamrevision: revision,
    data: event.data,
  });
}

/** The same event as readCustomerEvent answers it. */
export const feedEvent = (event: CustomerPublicEvent, revision: number): CustomerFeedEvent => ({
  ...event,
  id: randomUUID(),
  revision,
  correlationId: 'corr-feed-test',
});

export const aRegistration = (
  overrides: Partial<CustomerPublicEventData<'crm.customer.registered.v1'>> = {},
): CustomerPublicEvent => ({
  type: 'crm.customer.registered.v1',
  data: {
    customerId: 'cus-0042',
    kind: 'company',
    profile: { name: '深圳示例科技有限公司' },
    phones: ['+8613812345678'],
    emails: ['info@example.cn'],
    tags: [],
    classification: { lifecycleStage: 'prospect' },
    source: 'exhibition',
    ownerId: 'usr-li-na',
    ...overrides,
  },
});

export const aRejection = (
  overrides: Partial<CustomerPublicEventData<'crm.customer.registration_rejected.v1'>> = {},
): CustomerPublicEvent => ({
  type: 'crm.customer.registration_rejected.v1',
  data: {
    customerId: 'cus-lead-1001',
    leadId: 'lead-1001',
    reason: 'DUPLICATE_CONTACT',
    existingCustomerId: 'cus-0042',
    rejectedAt: feedNow,
    ...overrides,
  },
});

/** A customer registered, renamed, handed to another rep, given a new phone: revisions 0..3. */
export const aCustomerLife = (customerId: string): CustomerPublicEvent[] => [
  aRegistration({ customerId }),
  {
    type: 'crm.customer.profile_updated.v1',
    data: { customerId, changes: { name: '深圳示例科技股份有限公司' } },
  },
  {
    type: 'crm.customer.owner_assigned.v1',
    data: { customerId, ownerId: 'usr-wang-qiang', previousOwnerId: 'usr-li-na' },
  },
  {
    type: 'crm.customer.contacts_changed.v1',
    data: { customerId, phones: ['+8613900000001'], emails: ['info@example.cn'] },
  },
];
