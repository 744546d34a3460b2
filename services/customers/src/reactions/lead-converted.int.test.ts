// The reaction's decisions, one conversion at a time, over the customers application on an
// in-memory embedded event store (the bus around it: lead-conversions*.int.test.ts).
import { randomUUID } from 'node:crypto';
import { fromBinaryMessage } from '@crm/contracts';
import { openSqliteEventStore, type EventStore } from '@crm/event-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customersApplication, type CustomersApplication } from '../customer/application.ts';
import { customerStreamId } from '../streams.ts';
import {
  leadConvertedMessage,
  opportunitiesMessage,
  type LeadConvertedOptions,
} from '../testing/lead-converted.ts';
import { handleLeadConverted, LEAD_CONVERSION_ACTOR } from './lead-converted.ts';

let store: EventStore;
let customers: CustomersApplication;
const context = { actor: 'usr-manager', correlationId: 'corr-1', causationId: 'req-1' };

beforeEach(() => {
  store = openSqliteEventStore({ path: ':memory:' });
  customers = customersApplication(store, () => new Date('2026-03-02T01:30:00.000Z'));
});
afterEach(() => store.close());

const conversion = (overrides: Partial<LeadConvertedOptions> = {}) => ({
  leadId: `lead-${randomUUID()}`,
  customerId: randomUUID(),
  ...overrides,
});
const handle = (options: LeadConvertedOptions, eventId?: string) =>
  handleLeadConverted(
    customers,
    fromBinaryMessage(leadConvertedMessage({ ...options, ...(eventId && { eventId }) })),
  );
const registerByHand = (customerId: string, phones: string[]) =>
  customers.register(
    customerId,
    { type: 'RegisterCustomer', kind: 'person', profile: { name: '周芷若' }, phones, emails: [] },
    context,
  );

describe('handleLeadConverted', () => {
  it('registers the customer as the lead asked, by the lead-conversion actor', async () => {
    const options = conversion();
    expect(await handle(options)).toEqual({ outcome: 'registered', ...ids(options) });
    const [registered] = await store.readStream(customerStreamId(options.customerId));
    expect(registered?.metadata.actor).toBe(LEAD_CONVERSION_ACTOR);
    expect(registered?.data).toMatchObject({ leadId: options.leadId, source: 'lead_conversion' });
    const { state } = await customers.load(options.customerId);
    expect(state).toMatchObject({ status: 'active', leadId: options.leadId });
  });

  it('changes nothing the second time, whatever the event id', async () => {
    const options = conversion();
    await handle(options);
    expect(await handle(options)).toEqual({ outcome: 'unchanged', ...ids(options) });
    expect(await store.readStream(customerStreamId(options.customerId))).toHaveLength(1);
  });

  it('records a duplicate phone as refused, naming its holder, once', async () => {
    const holder = await registerByHand(randomUUID(), ['+8613700000009']);
    const options = conversion({ registration: { phones: ['+8613700000009'] } });
    expect(await handle(options)).toEqual({
      outcome: 'rejected',
      ...ids(options),
      reason: 'DUPLICATE_CONTACT',
      existingCustomerId: holder.id,
    });
    expect(await handle(options)).toEqual({ outcome: 'unchanged', ...ids(options) });
    const stream = await store.readStream(customerStreamId(options.customerId));
    expect(stream.map((event) => event.data)).toEqual([
      {
        customerId: options.customerId,
        leadId: options.leadId,
        reason: 'DUPLICATE_CONTACT',
        existingCustomerId: holder.id,
        detail: `phone already belongs to customer ${holder.id}`,
        rejectedAt: '2026-03-02T01:30:00.000Z',
      },
    ]);
  });

  it('stays refused when the phone is freed later and the conversion comes again', async () => {
    const holder = await registerByHand(randomUUID(), ['+8613700000010']);
    const options = conversion({ registration: { phones: ['+8613700000010'] } });
    await handle(options);
    await customers.erase(
      holder.id,
      { type: 'ErasePersonalData', reason: 'data_subject_request' },
      context,
    );
    expect(await handle(options)).toEqual({ outcome: 'unchanged', ...ids(options) });
    expect((await customers.load(options.customerId)).state.status).toBe('rejected');
  });

  it('records data a customer rule refuses as INVALID_REGISTRATION, naming field and rule', async () => {
    const options = conversion({
      registration: { profile: { name: '张无忌', birthday: '2999-01-01' } },
    });
    expect(await handle(options)).toMatchObject({
      outcome: 'rejected',
      reason: 'INVALID_REGISTRATION',
    });
    const [rejected] = await store.readStream(customerStreamId(options.customerId));
    expect(rejected?.data).toMatchObject({ detail: 'INVALID_FIELD birthday: in_future' });
  });

  it('leaves an id registered by other means alone', async () => {
    const options = conversion();
    await registerByHand(options.customerId, ['+8613700000011']);
    expect(await handle(options)).toEqual({ outcome: 'id_taken', ...ids(options) });
    expect(await store.readStream(customerStreamId(options.customerId))).toHaveLength(1);
  });

  it('sends an id refused for another lead to the dead letters (permanent)', async () => {
    const options = conversion({ registration: { phones: [] } });
    await handle(options);
    const other = { ...options, leadId: `lead-${randomUUID()}` };
    await expect(handle(other)).rejects.toMatchObject({
      code: 'REGISTRATION_REJECTED',
      permanent: true,
    });
  });

  it('ignores other types and conversions that link an existing customer', async () => {
    const options = conversion();
    const qualified = opportunitiesMessage('crm.lead.qualified.v1', options.leadId, {});
    expect(await handleLeadConverted(customers, fromBinaryMessage(qualified))).toEqual({
      outcome: 'ignored',
    });
    expect(await handle({ ...options, registration: null })).toEqual({ outcome: 'ignored' });
    expect(await store.headPosition()).toBe(0);
  });

  it('refuses a conversion that breaks its contract (zod: a dead letter)', async () => {
    const broken = opportunitiesMessage('crm.lead.converted.v1', 'lead-1', { leadId: 'lead-1' });
    await expect(handleLeadConverted(customers, fromBinaryMessage(broken))).rejects.toMatchObject({
      name: 'ZodError',
    });
  });
});

function ids(options: { leadId: string; customerId: string }) {
  return { customerId: options.customerId, leadId: options.leadId };
}
