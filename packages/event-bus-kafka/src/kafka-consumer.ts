// One subscription: a kafkajs consumer of the group that hands messages over one at a time per
// partition, commits only what was handled, never skips a failing message, and is started again
// after a crash kafkajs itself gives up on (a broker outage longer than its retries, say).
import type { Consumer, ConsumerOptions, IncomingMessage } from '@crm/event-bus';
import type {
  Admin,
  EachBatchPayload,
  Kafka,
  Consumer as KafkaConsumer,
  RetryOptions,
} from 'kafkajs';
import type { BusLogger } from './kafka-logging.ts';
import { toIncomingMessage } from './kafka-message.ts';
import { applyStarts, latestStarts, type StartOffset, type StartOffsets } from './start-offsets.ts';

export interface ConsumerSettings {
  kafka: Kafka;
  admin: Admin;
  retry: RetryOptions;
  logger: BusLogger;
  /** First wait before a failed message is handed over again; doubles up to 5 s. */
  redeliveryBackoffMs: number;
  /** First wait before a crashed consumer is started again; doubles up to 30 s. */
  restartBackoffMs: number;
}

const sessionTimeout = 30_000;
const heartbeatInterval = 3_000;
const maxRedeliveryDelayMs = 5_000;
const maxRestartDelayMs = 30_000;

export async function startKafkaConsumer(
  options: ConsumerOptions,
  settings: ConsumerSettings,
): Promise<Consumer> {
  const { groupId } = options;
  const topics = [...options.topics];
  const from = options.from ?? 'earliest';
  const { logger } = settings;
  const starts: StartOffsets =
    from === 'latest'
      ? await latestStarts(settings.admin, groupId, topics)
      : new Map<string, StartOffset[]>();
  let stopping = false;
  let current: KafkaConsumer | undefined;
  let launching: Promise<void> = Promise.resolve();
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;
  const stopped = Promise.withResolvers<void>();
  const pause = (ms: number) =>
    Promise.race([new Promise((resolve) => setTimeout(resolve, ms).unref()), stopped.promise]);

  /** Hands one message over until the handler accepts it; false if the batch must end first. */
  const deliver = async (message: IncomingMessage, batch: EachBatchPayload): Promise<boolean> => {
    for (let attempt = 1; ; attempt++) {
      // A slow handler must not cost the group its member: keep heartbeating while it runs.
      const keepAlive = setInterval(
        () => void batch.heartbeat().catch(() => {}),
        heartbeatInterval,
      );
      try {
        await options.handle(message);
        return true;
      } catch (error) {
        const { topic, partition, offset } = message;
        logger.warn({ groupId, topic, partition, offset, attempt, err: error }, 'handler failed');
      } finally {
        clearInterval(keepAlive);
      }
      // Never skip: consume() decides about dead letters; here the message only comes again.
      await pause(
        Math.min(settings.redeliveryBackoffMs * 2 ** (attempt - 1), maxRedeliveryDelayMs),
      );
      if (stopping || !batch.isRunning() || batch.isStale()) return false;
      // Throws while the group rebalances: the batch ends unresolved, the message comes again.
      await batch.heartbeat();
    }
  };

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    for (const record of batch.messages) {
      if (stopping || !payload.isRunning() || payload.isStale()) return;
      const message = toIncomingMessage(batch.topic, batch.partition, record);
      if (!(await deliver(message, payload))) return;
      payload.resolveOffset(record.offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  };

  const launch = async (): Promise<void> => {
    const consumer = settings.kafka.consumer({
      groupId,
      sessionTimeout,
      heartbeatInterval,
      // Bounds how long stop() waits for an idle long poll to return.
      maxWaitTimeInMs: 500,
      allowAutoTopicCreation: false,
      retry: settings.retry,
    });
    current = consumer;
    let startsApplied = Promise.resolve();
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      restarts = 0;
      const assigned = payload.memberAssignment;
      startsApplied = applyStarts(settings.admin, groupId, consumer, assigned, starts).catch(
        (error: unknown) => logger.warn({ groupId, err: error }, 'start offsets not set'),
      );
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts by itself after retriable errors only; anything else ends the consumer.
      if (!payload.restart && current === consumer) restart(payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: from === 'earliest' });
    await consumer.run({
      autoCommit: true,
      // Offsets of handled messages are committed at least every second and after each batch.
      autoCommitInterval: 1_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch,
    });
    // A 'latest' group's start is committed before subscribe resolves.
    await startsApplied;
  };

  const restart = (error: unknown): void => {
    if (stopping) return;
    const delayMs = Math.min(settings.restartBackoffMs * 2 ** restarts++, maxRestartDelayMs);
    logger.error({ groupId, topics, err: error, restartInMs: delayMs }, 'Kafka consumer crashed');
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      const crashed = current;
      launching = (crashed?.disconnect() ?? Promise.resolve())
        .catch(() => {})
        .then(() => (stopping ? undefined : launch()))
        .catch(restart);
    }, delayMs);
  };

  try {
    await launch();
  } catch (error) {
    await current?.disconnect().catch(() => {});
    throw error;
  }

  return {
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      stopped.resolve();
      await launching;
      await current?.disconnect();
    },
  };
}
