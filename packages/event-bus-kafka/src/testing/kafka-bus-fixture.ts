// A Kafka bus on the shared test broker that removes the topics and groups its test touched.
import type { EventBus } from '@crm/event-bus';
import type { EventBusFixture } from '@crm/event-bus/testing';
import { realServers } from '@crm/test-servers';
import { Kafka, logLevel } from 'kafkajs';
import { openKafkaEventBus, type KafkaEventBusOptions } from '../kafka-event-bus.ts';

/** realServers() may have to install and start Kafka on a cold machine. */
export const serverStartTimeout = 300_000;
/** Group joins, topic creation and a consumer restart take seconds, not milliseconds. */
export const testTimeout = 60_000;

export async function kafkaBusFixture(
  overrides: Partial<KafkaEventBusOptions> = {},
): Promise<EventBusFixture> {
  const { kafkaBrokers: brokers } = await realServers();
  const used = { topics: new Set<string>(), groups: new Set<string>() };
  const open = async () =>
    recordingNames(
      await openKafkaEventBus({
        brokers,
        clientId: 'event-bus-kafka-test',
        logLevel: 'error',
        redeliveryBackoffMs: 20,
        ...overrides,
      }),
      used,
    );
  let bus = await open();
  return {
    bus,
    reopen: async () => {
      await bus.close();
      return (bus = await open());
    },
    cleanup: async () => {
      await bus.close();
      await removeNames(brokers, [...used.topics], [...used.groups]);
    },
  };
}

/** The same bus, noting every topic and group it is asked about. */
function recordingNames(bus: EventBus, used: { topics: Set<string>; groups: Set<string> }) {
  return {
    ensureTopics: (topics) => {
      for (const topic of topics) used.topics.add(topic.name);
      return bus.ensureTopics(topics);
    },
    publish: (topic, messages) => {
      used.topics.add(topic);
      return bus.publish(topic, messages);
    },
    subscribe: (options) => {
      for (const topic of options.topics) used.topics.add(topic);
      used.groups.add(options.groupId);
      return bus.subscribe(options);
    },
    close: () => bus.close(),
  } satisfies EventBus;
}

async function removeNames(brokers: string[], topics: string[], groups: string[]) {
  const admin = new Kafka({ brokers, clientId: 'cleanup', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => []);
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
