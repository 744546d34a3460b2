// The opportunities service's only source of customer knowledge: a consumer of crm.customers.v1
// that keeps the local customer lookup and tells converted leads how their customer's
// registration went. Retries and dead letters are consume()'s; every write here is idempotent.
import { consume, type Consumer, type EventBus, type IncomingMessage } from '@crm/event-bus';
import type { ProjectorLogger } from '@crm/event-processing';
import type { DocumentStore } from '@crm/read-store';
import type { LeadsApplication } from '../lead/application.ts';
import type { CustomerDirectory } from '../sales-deps.ts';
import { readCustomerEvent } from './customer-event.ts';
import {
  applyToLookup,
  CUSTOMER_LOOKUP_INDEXES,
  customerDirectory,
  customerLookupCollection,
} from './customer-lookup.ts';
import { leadAnswerOf, tellLead } from './registration-outcome.ts';

export interface FeedRetry {
  /** Attempts before a failing event is parked. Default 6. */
  maxAttempts?: number;
  /** First wait; doubles each attempt. Default 500 ms. */
  backoffMs?: number;
  /** Default 8 000 ms: with the defaults an event is retried for about 15 s, then parked. */
  maxBackoffMs?: number;
}

export interface CustomersFeedOptions {
  bus: EventBus;
  documentStore: DocumentStore;
  leads: LeadsApplication;
  /** crm.customers.v1, behind the deployment's topic prefix if it has one. */
  topic: string;
  /** Its dead-letter topic is crm.dlq.<groupId>. */
  groupId: string;
  logger: ProjectorLogger;
  clock: () => Date;
  retry?: FeedRetry;
}

export interface CustomersFeedStatus {
  running: boolean;
  /** Messages handled (or ignored as unknown types) since start; parked ones are not counted. */
  handled: number;
  lastHandledAt: string | null;
}

export interface CustomersFeed {
  directory: CustomerDirectory;
  start(): Promise<void>;
  /** Stops after the message in flight; the group's committed offset is kept. */
  stop(): Promise<void>;
  status(): CustomersFeedStatus;
}

export function createCustomersFeed(options: CustomersFeedOptions): CustomersFeed {
  const { bus, leads, topic, groupId, logger, clock } = options;
  const lookup = customerLookupCollection(options.documentStore);
  let consumer: Consumer | null = null;
  let handled = 0;
  let lastHandledAt: string | null = null;

  const handle = async (message: IncomingMessage): Promise<void> => {
    const event = readCustomerEvent(message);
    if (event !== null) {
      // The lookup first: when the lead is not ready yet, the retry finds it written already.
      await applyToLookup(lookup, event);
      const answer = leadAnswerOf(event);
      if (answer !== null) await tellLead(leads, answer, event);
    }
    handled += 1;
    lastHandledAt = clock().toISOString();
  };

  return {
    directory: customerDirectory(lookup),
    start: async () => {
      if (consumer !== null) return;
      await lookup.ensureIndexes(CUSTOMER_LOOKUP_INDEXES);
      // The customers service may not have published yet; subscribing needs the topic.
      await bus.ensureTopics([{ name: topic }]);
      const retry = options.retry ?? {};
      consumer = await consume(bus, {
        groupId,
        topics: [topic],
        // A new group reads the whole topic: the lookup is everything it ever said.
        from: 'earliest',
        handle,
        maxAttempts: retry.maxAttempts ?? 6,
        backoffMs: retry.backoffMs ?? 500,
        maxBackoffMs: retry.maxBackoffMs ?? 8_000,
        logger: {
          warn: (details, text) => logger.info(details, text),
          error: (details, text) => logger.error(details, text),
        },
      });
    },
    stop: async () => {
      const running = consumer;
      consumer = null;
      await running?.stop();
    },
    status: () => ({ running: consumer !== null, handled, lastHandledAt }),
  };
}
