// The lead-conversion reaction end to end on one bus: conversions published on
// crm.opportunities.v1, the customers service running, its answers read back from crm.customers.v1
// and the dead-letter topic. Run by the embedded bus and by real Kafka (lead-conversions*.int.test.ts).
import { randomUUID } from 'node:crypto';
import {
  customerEventSchemas,
  deadLetterTopic,
  fromBinaryMessage,
  topics,
  type CloudEvent,
} from '@crm/contracts';
import type { Consumer, EventBus, IncomingMessage } from '@crm/event-bus';
import { openSqliteEventStore, type EventStore } from '@crm/event-store';
import { openSqliteDocumentStore, type DocumentStore } from '@crm/read-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomersService, type CustomersService } from '../service.ts';
import { customerStreamId } from '../streams.ts';
import { leadConvertedMessage, opportunitiesMessage } from '../testing/lead-converted.ts';
import { LEAD_CONVERSIONS_GROUP } from './lead-conversions.ts';
import { LEAD_CONVERSION_ACTOR } from './lead-converted.ts';

export interface BusFixture {
  bus: EventBus;
  /** Unique per test on a shared server: every topic and group of the test sits behind it. */
  topicPrefix: string;
  close(): Promise<void>;
}

const WAIT_MS = 20_000;
const context = { actor: 'usr-manager', correlationId: 'corr-test', causationId: 'req-test' };

async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function describeLeadConversions(name: string, openBus: () => Promise<BusFixture>): void {
  describe(`lead conversions (${name})`, () => {
    let fixture: BusFixture;
    let eventStore: EventStore;
    let documentStore: DocumentStore;
    let service: CustomersService | undefined;
    let recorders: Consumer[];
    let customersEvents: CloudEvent[];
    let deadLetters: IncomingMessage[];
    const errors: object[] = [];
    const opportunitiesTopic = () => `${fixture.topicPrefix}${topics.opportunities}`;

    const startService = async (groupId?: string) => {
      service = createCustomersService({
        eventStore,
        documentStore,
        bus: fixture.bus,
        logger: { info: () => undefined, error: (details) => void errors.push(details) },
        topicPrefix: fixture.topicPrefix,
        leadConversions: { maxAttempts: 2, backoffMs: 10, ...(groupId && { groupId }) },
      });
      await service.start();
      return service;
    };

    const record = async (topic: string, sink: (message: IncomingMessage) => void) => {
      const groupId = `${fixture.topicPrefix}test.${randomUUID().slice(0, 8)}`;
      recorders.push(
        await fixture.bus.subscribe({
          groupId,
          topics: [topic],
          from: 'earliest',
          handle: (message) => Promise.resolve(sink(message)),
        }),
      );
    };

    const publish = (...messages: ReturnType<typeof leadConvertedMessage>[]) =>
      fixture.bus.publish(opportunitiesTopic(), messages);

    const answerFor = (type: string, customerId: string) =>
      waitFor(`${type} of ${customerId}`, () =>
        customersEvents.find((event) => event.type === type && event.subject === customerId),
      );

    beforeEach(async () => {
      fixture = await openBus();
      eventStore = openSqliteEventStore({ path: ':memory:' });
      documentStore = openSqliteDocumentStore({ path: ':memory:' });
      recorders = [];
      customersEvents = [];
      deadLetters = [];
      errors.length = 0;
      const { topicPrefix } = fixture;
      // One partition each: a later message is handled (and answered) after an earlier one.
      await fixture.bus.ensureTopics([
        { name: opportunitiesTopic(), partitions: 1 },
        { name: `${topicPrefix}${topics.customers}`, partitions: 1 },
      ]);
      await startService();
      await record(`${topicPrefix}${topics.customers}`, (message) =>
        customersEvents.push(fromBinaryMessage(message)),
      );
      await record(deadLetterTopic(`${topicPrefix}${LEAD_CONVERSIONS_GROUP}`), (message) =>
        deadLetters.push(message),
      );
    });

    afterEach(async () => {
      for (const recorder of recorders) await recorder.stop();
      await service?.stop();
      await fixture.close();
      await eventStore.close();
      await documentStore.close();
      expect(errors).toEqual([]);
    });

    it('registers the customer a converted lead asks for, under its id, with the lead id', async () => {
      const leadId = `lead-${randomUUID()}`;
      const customerId = randomUUID();
      await publish(leadConvertedMessage({ leadId, customerId }));

      const registered = await answerFor('crm.customer.registered.v1', customerId);
      const data = customerEventSchemas['crm.customer.registered.v1'].parse(registered.data);
      expect(data).toMatchObject({
        customerId,
        leadId,
        kind: 'person',
        phones: ['+8613700000001'],
        source: 'lead_conversion',
        classification: { lifecycleStage: 'prospect' },
        ownerId: 'usr-rep-1',
      });
      expect(registered.actor).toBe(LEAD_CONVERSION_ACTOR);
      expect(registered.correlationid).toBe(`corr-${leadId}`);
    });

    it('registers one customer however often the conversion arrives', async () => {
      const leadId = `lead-${randomUUID()}`;
      const customerId = randomUUID();
      const eventId = randomUUID();
      const marker = { leadId: `lead-${randomUUID()}`, customerId: randomUUID() };
      const linked = randomUUID();
      await publish(
        leadConvertedMessage({ leadId, customerId, eventId }),
        leadConvertedMessage({ leadId, customerId, eventId }),
        // Republished by the opportunities relay: a new event id, the same conversion.
        leadConvertedMessage({ leadId, customerId }),
        opportunitiesMessage('crm.lead.qualified.v1', leadId, { leadId, qualifiedBy: 'usr-rep-1' }),
        // Linked to an existing customer: nothing to register.
        leadConvertedMessage({ leadId, customerId: linked, registration: null }),
        leadConvertedMessage({ ...marker, registration: { phones: ['+8613700000002'] } }),
      );

      await answerFor('crm.customer.registered.v1', marker.customerId);
      expect(await eventStore.readStream(customerStreamId(customerId))).toHaveLength(1);
      const answers = customersEvents.filter((event) => event.subject === customerId);
      expect(answers.map((event) => event.type)).toEqual(['crm.customer.registered.v1']);
      expect(await eventStore.readStream(customerStreamId(linked))).toEqual([]);
      expect(deadLetters).toEqual([]);
    });

    it('records the refusal of a duplicate phone, naming the customer that has it', async () => {
      const existing = await service!.application.register(
        randomUUID(),
        {
          type: 'RegisterCustomer',
          kind: 'person',
          profile: { name: '赵敏' },
          phones: ['+8613700000003'],
          emails: [],
        },
        context,
      );
      const leadId = `lead-${randomUUID()}`;
      const customerId = randomUUID();
      const conversion = { leadId, customerId, registration: { phones: ['+8613700000003'] } };
      await publish(leadConvertedMessage(conversion), leadConvertedMessage(conversion));

      const rejected = await answerFor('crm.customer.registration_rejected.v1', customerId);
      const data = customerEventSchemas['crm.customer.registration_rejected.v1'].parse(
        rejected.data,
      );
      expect(data).toMatchObject({
        customerId,
        leadId,
        reason: 'DUPLICATE_CONTACT',
        existingCustomerId: existing.id,
      });
      expect(data.detail).not.toContain('0003');
      const marker = { leadId: `lead-${randomUUID()}`, customerId: randomUUID() };
      await publish(
        leadConvertedMessage({ ...marker, registration: { phones: ['+8613700000004'] } }),
      );
      await answerFor('crm.customer.registered.v1', marker.customerId);
      const stream = await eventStore.readStream(customerStreamId(customerId));
      expect(stream.map((event) => event.type)).toEqual(['RegistrationRejected']);
    });

    it('records the refusal of data a customer rule refuses, naming the rule', async () => {
      const leadId = `lead-${randomUUID()}`;
      const customerId = randomUUID();
      await publish(leadConvertedMessage({ leadId, customerId, registration: { phones: [] } }));

      const rejected = await answerFor('crm.customer.registration_rejected.v1', customerId);
      expect(rejected.data).toEqual({
        customerId,
        leadId,
        reason: 'INVALID_REGISTRATION',
        detail: 'CONTACT_REQUIRED',
        rejectedAt: expect.any(String) as unknown,
      });
    });

    it('parks a poison message on the dead-letter topic and carries on', async () => {
      const leadId = `lead-${randomUUID()}`;
      const customerId = randomUUID();
      const garbage = { key: 'x', value: new TextEncoder().encode('{not json'), headers: {} };
      const brokenConversion = opportunitiesMessage('crm.lead.converted.v1', leadId, {
        leadId,
        customerRegistration: { customerId },
      });
      await publish(garbage, brokenConversion, leadConvertedMessage({ leadId, customerId }));

      await answerFor('crm.customer.registered.v1', customerId);
      const parked = await waitFor('two dead letters', () =>
        deadLetters.length >= 2 ? deadLetters : undefined,
      );
      expect(parked.map((message) => message.headers.dlq_error_code)).toEqual([
        'UNREADABLE_MESSAGE',
        'INVALID_MESSAGE',
      ]);
      expect(parked[1]?.headers.dlq_original_topic).toBe(opportunitiesTopic());
      errors.length = 0; // parking is logged as an error, rightly: nothing else went wrong
    });

    it('replayed from the start by a new group, changes nothing', async () => {
      const leadId = `lead-${randomUUID()}`;
      const customerId = randomUUID();
      await publish(
        leadConvertedMessage({ leadId, customerId }),
        leadConvertedMessage({
          leadId: `lead-${randomUUID()}`,
          customerId: randomUUID(),
          registration: { phones: ['+8613700000001'] },
        }),
      );
      await waitFor('the refusal', () =>
        customersEvents.find((event) => event.type === 'crm.customer.registration_rejected.v1'),
      );
      await service!.stop();
      const head = await eventStore.headPosition();

      const marker = { leadId: `lead-${randomUUID()}`, customerId: randomUUID() };
      await publish(
        leadConvertedMessage({ ...marker, registration: { phones: ['+8613700000005'] } }),
      );
      await startService(`${fixture.topicPrefix}replay.${randomUUID().slice(0, 8)}`);
      await answerFor('crm.customer.registered.v1', marker.customerId);
      // The marker's registration, and nothing else, was written.
      expect(await eventStore.headPosition()).toBeGreaterThan(head);
      const since = await eventStore.readAll({ after: head });
      expect(since.every((event) => event.streamId !== customerStreamId(customerId))).toBe(true);
      expect(since.filter((event) => event.streamId.startsWith('customer-'))).toHaveLength(1);
    });
  });
}
