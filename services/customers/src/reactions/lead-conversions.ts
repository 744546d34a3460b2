// The consumer of crm.opportunities.v1 that carries out lead conversions (lead-converted.ts), as
// group customers.lead-conversions: at least once, from the topic's start for a new group, with
// consume()'s retries and dead-letter topic (unreadable or contract-breaking messages, ids spent
// on another lead). Other event types on the topic are skipped.
import { fromBinaryMessage, topics } from '@crm/contracts';
import { consume, type Consumer, type EventBus } from '@crm/event-bus';
import type { ProjectorLogger } from '@crm/event-processing';
import type { CustomersApplication } from '../customer/application.ts';
import { handleLeadConverted } from './lead-converted.ts';

export const LEAD_CONVERSIONS_GROUP = 'customers.lead-conversions';

export interface LeadConversionsOptions {
  bus: EventBus;
  customers: CustomersApplication;
  /** crm.opportunities.v1, behind the service's topic prefix. */
  topic?: string;
  groupId?: string;
  logger?: ProjectorLogger;
  /** consume()'s retry policy; defaults 5 attempts, 200 ms doubling. */
  maxAttempts?: number;
  backoffMs?: number;
  /** How long stop() waits for the consumer to leave its group. Default 5 s. */
  stopTimeoutMs?: number;
}

export async function startLeadConversions(options: LeadConversionsOptions): Promise<Consumer> {
  const { bus, customers, logger } = options;
  const groupId = options.groupId ?? LEAD_CONVERSIONS_GROUP;
  const consumer = await consume(bus, {
    groupId,
    topics: [options.topic ?? topics.opportunities],
    from: 'earliest',
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
    ...(logger && {
      logger: {
        warn: (details, message) => logger.info(details, message),
        error: (details, message) => logger.error(details, message),
      },
    }),
    handle: async (message) => {
      const result = await handleLeadConverted(customers, fromBinaryMessage(message));
      if (result.outcome !== 'ignored') logger?.info({ ...result }, 'lead conversion handled');
    },
  });
  return { stop: () => leaveGroup(consumer, groupId, options.stopTimeoutMs ?? 5_000, logger) };
}

/**
 * Leaving the group can wait on a rebalance or a broker that is away, past the service's shutdown
 * deadline. Not waiting loses nothing: offsets are committed only for handled messages, handling
 * is idempotent, and the broker drops a member that is gone after its session timeout.
 */
async function leaveGroup(
  consumer: Consumer,
  groupId: string,
  timeoutMs: number,
  logger: ProjectorLogger | undefined,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const left = consumer.stop().then(
    () => true,
    (error: unknown) => {
      logger?.error({ groupId, err: error }, 'lead conversions did not leave their group cleanly');
      return true;
    },
  );
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const done = await Promise.race([left, timedOut]);
  clearTimeout(timer);
  if (!done) logger?.error({ groupId, timeoutMs }, 'lead conversions still leaving: not waiting');
}
