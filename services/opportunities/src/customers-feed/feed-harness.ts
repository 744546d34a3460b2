// The customers feed on a bus and a document store of the test's choosing, with the real leads
// application over an in-memory event store: publish customer events, wait for the feed, look
// at the lookup, the leads' streams and the dead-letter topic. For the feed's int tests only.
import { customerIdForLead, deadLetterTopic, type CustomerPublicEvent } from '@crm/contracts';
import type { EventBus, OutgoingMessage } from '@crm/event-bus';
import { record, waitUntil, type Recording } from '@crm/event-bus/testing';
import { Projector } from '@crm/event-processing';
import { openSqliteEventStore, type EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import { uniqueName } from '@crm/test-servers';
import { leadsApplication } from '../lead/application.ts';
import type { LeadEvent } from '../lead/events.ts';
import { aLeadCaptured, aLeadConverted, aRegistrationRequest } from '../lead/fixtures.ts';
import { DEMO_SALES_TEAMS, salesTeams } from '../sales-teams.ts';
import { leadStreamId } from '../streams.ts';
import { customerLookupDirectory } from './customer-lookup.ts';
import { createCustomersFeed, type CustomersFeed, type FeedRetry } from './customers-feed.ts';
import { customerMessage } from './feed-fixtures.ts';

export interface FeedAdapters {
  bus: EventBus;
  documentStore: DocumentStore;
  /** How long a wait may take on these adapters (a Kafka group join takes seconds). */
  patienceMs: number;
  close(): Promise<void>;
}

export interface FeedHarness {
  feed: CustomersFeed;
  eventStore: EventStore;
  /** Publishes each event at its revision in its customer's stream (`[event, revision]`). */
  publish(...events: (readonly [CustomerPublicEvent, number])[]): Promise<void>;
  publishRaw(...messages: OutgoingMessage[]): Promise<void>;
  /** Resolves once the feed has handled (not parked) `count` messages since it started. */
  handled(count: number): Promise<void>;
  /** Records the feed's dead-letter topic from its beginning. */
  parked(): Promise<Recording>;
  waitFor(condition: () => Promise<boolean>, what: string): Promise<void>;
  /** Resolves once the lookup holds the customer at this revision (or a later one). */
  lookupAt(customerId: string, revision: number): Promise<void>;
  /** Appends a captured and qualified lead; with `converted`, its conversion asking for a new customer. */
  aLead(leadId: string, options?: { converted?: boolean }): Promise<string>;
  convert(leadId: string): Promise<void>;
  /** The lead's event types, in order. */
  leadEvents(leadId: string): Promise<LeadEvent[]>;
  close(): Promise<void>;
}

const systemMetadata = {
  actor: 'usr-li-na',
  correlationId: 'corr-lead',
  causationId: 'cause-lead',
};

export async function openFeedHarness(
  adapters: FeedAdapters,
  retry: FeedRetry = { maxAttempts: 8, backoffMs: 200, maxBackoffMs: 1_000 },
): Promise<FeedHarness> {
  const { bus, documentStore, patienceMs } = adapters;
  const topic = uniqueName('customers_feed_topic');
  const groupId = uniqueName('customers_feed_group');
  const eventStore = openSqliteEventStore({ path: ':memory:' });
  const projector = new Projector({ eventStore, documentStore, projections: [] });
  const leads = leadsApplication({
    eventStore,
    documentStore,
    projector,
    teams: salesTeams(DEMO_SALES_TEAMS),
    customers: customerLookupDirectory(documentStore),
    clock: () => new Date(),
  });
  const feed = createCustomersFeed({
    bus,
    documentStore,
    leads,
    topic,
    groupId,
    logger: { info: () => undefined, error: () => undefined },
    clock: () => new Date(),
    retry,
  });
  await feed.start();

  const append = async (leadId: string, events: LeadEvent[]) => {
    const stream = leadStreamId(leadId);
    const before = await eventStore.readStream(stream);
    await eventStore.append(
      stream,
      events.map((event) => ({ id: crypto.randomUUID(), ...event, metadata: systemMetadata })),
      { expectedRevision: before.length === 0 ? 'no_stream' : before.length - 1 },
    );
  };
  const waitFor = async (condition: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + patienceMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const converted = (leadId: string): LeadEvent => {
    const customerId = customerIdForLead(leadId);
    return aLeadConverted({
      leadId,
      customerId,
      customerRegistration: aRegistrationRequest({ customerId }),
    });
  };

  return {
    feed,
    eventStore,
    publish: (...events) =>
      bus.publish(
        topic,
        events.map(([event, revision]) => customerMessage(event, revision)),
      ),
    publishRaw: (...messages) => bus.publish(topic, messages),
    handled: (count) =>
      waitUntil(() => feed.status().handled >= count, `${count} handled messages`, patienceMs),
    parked: () =>
      record(bus, {
        groupId: uniqueName('customers_feed_dlq'),
        topics: [deadLetterTopic(groupId)],
      }),
    waitFor,
    lookupAt: (customerId, revision) =>
      waitFor(
        async () => ((await feed.directory.get(customerId))?.revision ?? -1) >= revision,
        `${customerId} at revision ${revision}`,
      ),
    aLead: async (leadId, options = {}) => {
      const qualified: LeadEvent = {
        type: 'LeadQualified',
        data: { leadId, qualifiedBy: 'usr-li-na' },
      };
      await append(leadId, [
        aLeadCaptured({ leadId }),
        qualified,
        ...(options.converted === true ? [converted(leadId)] : []),
      ]);
      return customerIdForLead(leadId);
    },
    convert: (leadId) => append(leadId, [converted(leadId)]),
    leadEvents: async (leadId) =>
      (await eventStore.readStream(leadStreamId(leadId))).map(
        ({ type, data }) => ({ type, data }) as LeadEvent,
      ),
    close: async () => {
      await feed.stop();
      await eventStore.close();
      await adapters.close();
    },
  };
}
