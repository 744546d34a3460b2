// The bus port on Apache Kafka (kafkajs): topics created explicitly with our partition count, an
// idempotent producer, and a consumer per subscription that commits only handled messages.
import { BusClosed, type Consumer, type EventBus, type TopicSpec } from '@crm/event-bus';
import { Kafka, type Admin, type RetryOptions } from 'kafkajs';
import { startKafkaConsumer } from './kafka-consumer.ts';
import {
  consoleLogger,
  kafkaLogCreator,
  kafkaLogLevel,
  type BusLogger,
  type KafkaLogLevel,
} from './kafka-logging.ts';
import { kafkaPublisher } from './kafka-publisher.ts';

export interface KafkaRetry {
  /** Default 300 ms. */
  initialRetryTime?: number;
  /** Default 10 s. */
  maxRetryTime?: number;
  /** Default 10, about a minute of retries: a broker that is away for 20 s is waited for. */
  retries?: number;
}

export interface KafkaEventBusOptions {
  brokers: string[];
  clientId: string;
  /** Partitions of a topic created without its own count. Default 3. */
  defaultPartitions?: number;
  /** Default 1 (one broker); production clusters want 3. */
  replicationFactor?: number;
  /** Default 'warn'. */
  logLevel?: KafkaLogLevel;
  /** Where kafkajs and the adapter log; default JSON lines on stderr. */
  logger?: BusLogger;
  retry?: KafkaRetry;
  /** First wait before a message whose handler failed is delivered again. Default 100 ms. */
  redeliveryBackoffMs?: number;
  /** First wait before a crashed consumer is started again. Default 1 s. */
  restartBackoffMs?: number;
}

export async function openKafkaEventBus(options: KafkaEventBusOptions): Promise<EventBus> {
  const logger = options.logger ?? consoleLogger;
  const retry: RetryOptions = {
    initialRetryTime: options.retry?.initialRetryTime ?? 300,
    maxRetryTime: options.retry?.maxRetryTime ?? 10_000,
    retries: options.retry?.retries ?? 10,
  };
  const kafka = new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    logLevel: kafkaLogLevel(options.logLevel ?? 'warn'),
    logCreator: kafkaLogCreator(logger),
    retry,
  });
  const defaultPartitions = options.defaultPartitions ?? 3;
  const replicationFactor = options.replicationFactor ?? 1;
  const admin = kafka.admin({ retry });
  await admin.connect();
  const publisher = kafkaPublisher(kafka, retry);
  const consumers = new Set<Consumer>();
  const knownTopics = new Set<string>();
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new BusClosed();
  };

  const ensureTopics = async (topics: readonly TopicSpec[]): Promise<void> => {
    assertOpen();
    const wanted = topics.filter((topic) => !knownTopics.has(topic.name));
    if (wanted.length === 0) return;
    await createMissingTopics(admin, wanted, { defaultPartitions, replicationFactor });
    for (const topic of wanted) knownTopics.add(topic.name);
  };

  return {
    ensureTopics,

    publish: async (topic, messages) => {
      // Publishing to an unknown topic creates it with our defaults, as on the embedded bus,
      // rather than with whatever a broker's auto-creation would choose.
      await ensureTopics([{ name: topic }]);
      await publisher.send(topic, messages);
    },

    subscribe: async (consumerOptions) => {
      await ensureTopics(consumerOptions.topics.map((name) => ({ name })));
      const running = await startKafkaConsumer(consumerOptions, {
        kafka,
        admin,
        retry,
        logger,
        redeliveryBackoffMs: options.redeliveryBackoffMs ?? 100,
        restartBackoffMs: options.restartBackoffMs ?? 1_000,
      });
      const consumer: Consumer = {
        stop: async () => {
          consumers.delete(consumer);
          await running.stop();
        },
      };
      consumers.add(consumer);
      return consumer;
    },

    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...consumers].map((consumer) => consumer.stop()));
      await Promise.allSettled([publisher.close(), admin.disconnect()]);
    },
  };
}

async function createMissingTopics(
  admin: Admin,
  topics: readonly TopicSpec[],
  defaults: { defaultPartitions: number; replicationFactor: number },
): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic.name));
  if (missing.length === 0) return;
  // Returns false when another client created one of them first: that is fine too.
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic: topic.name,
      numPartitions: topic.partitions ?? defaults.defaultPartitions,
      replicationFactor: topic.replicationFactor ?? defaults.replicationFactor,
    })),
  });
}
