// What the customers feed promises, on any bus and document store: run by the embedded int test
// and by the real-servers one (Kafka and FerretDB), so both engines are held to the same tests.
import type { IncomingMessage } from '@crm/event-bus';
import { text } from '@crm/event-bus/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedAdapters, FeedHarness } from './feed-harness.ts';
import { openFeedHarness } from './feed-harness.ts';
import { aCustomerLife, aRegistration, aRejection, customerMessage } from './feed-fixtures.ts';

export interface FeedSuiteOptions {
  open: () => Promise<FeedAdapters>;
  timeoutMs: number;
}

const encode = (value: string) => new TextEncoder().encode(value);
const types = (events: { type: string }[]) => events.map((event) => event.type);
/** Parked messages by key, each once (a redelivery after parking may park it again). */
const parkedOnce = (received: readonly IncomingMessage[]) =>
  [
    ...new Map(
      received.map((message) => [
        message.key,
        {
          key: message.key,
          code: message.headers.dlq_error_code,
          attempts: message.headers.dlq_attempts,
        },
      ]),
    ).values(),
  ].sort((a, b) => a.key.localeCompare(b.key));

export function describeCustomersFeed(name: string, options: FeedSuiteOptions): void {
  const { open, timeoutMs } = options;

  describe(`customers feed (${name})`, { timeout: timeoutMs }, () => {
    let h: FeedHarness;
    beforeEach(async () => {
      h = await openFeedHarness(await open());
      return () => h.close();
    }, timeoutMs);

    it('builds the lookup from each customer stream, unmoved by duplicates and older redeliveries', async () => {
      const life = aCustomerLife('cus-a');
      const [registered, renamed, reassigned, newPhone] = life.map(
        (event, rev) => [event, rev] as const,
      );
      await h.publish(registered!, renamed!, reassigned!, newPhone!);
      await h.publish(
        [aRegistration({ customerId: 'cus-b', phones: ['+8613900000002'], emails: [] }), 0],
        [{ type: 'crm.customer.archived.v1', data: { customerId: 'cus-b', reason: '停业' } }, 1],
      );
      // At least once: a duplicate of the last event, then the first two again, late; then one
      // more change, which follows them on the customer's key, so once it shows they were read.
      await h.publish(newPhone!, registered!, renamed!);
      await h.publish([
        {
          type: 'crm.customer.owner_assigned.v1',
          data: { customerId: 'cus-a', ownerId: 'usr-zhao-min', previousOwnerId: 'usr-wang-qiang' },
        },
        4,
      ]);
      await h.lookupAt('cus-a', 4);
      await h.lookupAt('cus-b', 1);

      const { directory } = h.feed;
      expect(await directory.get('cus-a')).toEqual({
        customerId: 'cus-a',
        name: '深圳示例科技股份有限公司',
        kind: 'company',
        ownerId: 'usr-zhao-min',
        status: 'active',
        phones: ['+8613900000001'],
        emails: ['info@example.cn'],
        revision: 4,
      });
      expect(await directory.get('cus-b')).toMatchObject({ status: 'archived' });
      const many = await directory.getMany(['cus-a', 'cus-b', 'cus-unknown', 'cus-a']);
      expect([...many.keys()].sort()).toEqual(['cus-a', 'cus-b']);
      expect(await directory.get('cus-unknown')).toBeNull();
    });

    it('finds the active customer holding a phone or e-mail, as people type them', async () => {
      await h.publish(
        [aRegistration({ customerId: 'cus-a' }), 0],
        [aRegistration({ customerId: 'cus-b', phones: ['+8613900000002'], emails: [] }), 0],
        [{ type: 'crm.customer.archived.v1', data: { customerId: 'cus-b', reason: '停业' } }, 1],
        [aRegistration({ customerId: 'cus-c', phones: ['+8613900000003'], emails: [] }), 0],
        [
          {
            type: 'crm.customer.personal_data_erased.v1',
            data: { customerId: 'cus-c', reason: 'data_subject_request' },
          },
          1,
        ],
      );
      await Promise.all([h.lookupAt('cus-a', 0), h.lookupAt('cus-b', 1), h.lookupAt('cus-c', 1)]);

      const findByContact = (phones: string[], emails: string[]) =>
        h.feed.directory.findByContact(phones, emails);
      expect(await findByContact(['138-1234-5678'], [])).toBe('cus-a');
      expect(await findByContact(['+86 138 1234 5678'], [])).toBe('cus-a');
      expect(await findByContact(['not a phone'], [' INFO@Example.CN '])).toBe('cus-a');
      expect(await findByContact(['139 0000 0002'], [])).toBeNull(); // archived
      expect(await findByContact(['13900000003'], [])).toBeNull(); // erased
      expect(await findByContact(['13900000009'], ['nobody@example.cn'])).toBeNull();
      expect(await findByContact([], [])).toBeNull();
    });

    it('parks unreadable and invalid messages with their error, ignores unknown types, carries on', async () => {
      const recording = await h.parked();
      const badJson = customerMessage(aRegistration({ customerId: 'cus-json' }), 0);
      badJson.value = encode('{"customerId": ');
      const badSchema = customerMessage(aRegistration({ customerId: 'cus-schema' }), 0);
      badSchema.value = encode(JSON.stringify({ customerId: 'cus-schema', kind: 'alien' }));
      const badType = customerMessage(aRegistration({ customerId: 'cus-type' }), 0);
      badType.headers.ce_type = 'CustomerRegistered';
      // Read as a registration, this would leave cus-good renamed at revision 5.
      const newerType = customerMessage(
        aRegistration({ customerId: 'cus-good', profile: { name: '不该出现' } }),
        5,
      );
      newerType.headers.ce_type = 'crm.customer.loyalty_points_granted.v1';
      await h.publishRaw(badJson, badSchema, badType, newerType);
      await h.publish([aRegistration({ customerId: 'cus-good' }), 0]);

      await h.lookupAt('cus-good', 0);
      await h.waitFor(() => Promise.resolve(recording.received.length >= 3), 'three parked');
      await recording.consumer.stop();
      expect(await h.feed.directory.get('cus-good')).toMatchObject({
        status: 'active',
        name: '深圳示例科技有限公司',
        revision: 0,
      });
      expect(parkedOnce(recording.received)).toEqual([
        { key: 'cus-json', code: 'UNREADABLE_MESSAGE', attempts: '1' },
        { key: 'cus-schema', code: 'INVALID_MESSAGE', attempts: '1' },
        { key: 'cus-type', code: 'UNREADABLE_MESSAGE', attempts: '1' },
      ]);
      const original = recording.received.find((message) => message.key === 'cus-json');
      expect(text(original!.value)).toBe('{"customerId": ');
    });

    it('tells a converted lead its customer was registered, once however often it hears it', async () => {
      const customerId = await h.aLead('lead-reg', { converted: true });
      const registration = aRegistration({ customerId, leadId: 'lead-reg' });
      const message = customerMessage(registration, 0);
      await h.publishRaw(message, message);
      await h.publish([registration, 0]);
      await h.handled(3);

      const events = await h.leadEvents('lead-reg');
      expect(types(events).filter((type) => type === 'LeadConversionCompleted')).toHaveLength(1);
      expect(events.at(-1)?.data).toMatchObject({ leadId: 'lead-reg', customerId });
      expect(await h.feed.directory.get(customerId)).toMatchObject({ status: 'active' });
    });

    it('tells a converted lead its registration was refused, with the reason, once', async () => {
      const customerId = await h.aLead('lead-rej', { converted: true });
      const rejection = aRejection({ customerId, leadId: 'lead-rej', existingCustomerId: 'cus-a' });
      await h.publish([rejection, 0], [rejection, 0]);
      await h.handled(2);

      const events = await h.leadEvents('lead-rej');
      expect(events.filter((event) => event.type === 'LeadConversionBlocked')).toEqual([
        {
          type: 'LeadConversionBlocked',
          data: {
            leadId: 'lead-rej',
            customerId,
            reason: 'DUPLICATE_CONTACT',
            existingCustomerId: 'cus-a',
          },
        },
      ]);
      expect(await h.feed.directory.get(customerId)).toMatchObject({ status: 'rejected' });
    });

    it('waits, retrying, for a conversion not yet in the lead stream', async () => {
      const recording = await h.parked();
      const customerId = await h.aLead('lead-early');
      await h.publish([aRegistration({ customerId, leadId: 'lead-early' }), 0]);
      // The lookup is written before the lead is told: once it shows, the first attempt failed.
      await h.waitFor(async () => (await h.feed.directory.get(customerId)) !== null, 'the lookup');
      await h.convert('lead-early');

      await h.handled(1);
      expect(types(await h.leadEvents('lead-early')).at(-1)).toBe('LeadConversionCompleted');
      await recording.consumer.stop();
      expect(recording.received).toEqual([]);
    });

    it('parks an answer whose conversion never comes, or that names another customer, and carries on', async () => {
      const recording = await h.parked();
      await h.aLead('lead-never');
      const stranger = await h.aLead('lead-other', { converted: true });
      await h.publish(
        [aRegistration({ customerId: 'cus-never', leadId: 'lead-never' }), 0],
        [aRegistration({ customerId: 'cus-stranger', leadId: 'lead-other' }), 0],
        [aRegistration({ customerId: stranger, leadId: 'lead-other' }), 0],
      );
      await h.handled(1);
      await h.waitFor(() => Promise.resolve(recording.received.length >= 2), 'two parked');
      await recording.consumer.stop();

      expect(parkedOnce(recording.received)).toEqual([
        { key: 'cus-never', code: 'LEAD_NOT_CONVERTED', attempts: '8' },
        { key: 'cus-stranger', code: 'UNEXPECTED_CUSTOMER', attempts: '1' },
      ]);
      expect(types(await h.leadEvents('lead-other')).at(-1)).toBe('LeadConversionCompleted');
      expect(types(await h.leadEvents('lead-never'))).not.toContain('LeadConversionCompleted');
    });
  });
}
