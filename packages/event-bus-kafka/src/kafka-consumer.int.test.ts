// What the Kafka consumer promises beyond the contract, on the real broker.
import type { EventBusFixture } from '@crm/event-bus/testing';
import { message, record, text, waitUntil } from '@crm/event-bus/testing';
import { realServers, uniqueName } from '@crm/test-servers';
import { AssignerProtocol, Kafka, logLevel, type Assigner } from 'kafkajs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kafkaBusFixture, serverStartTimeout, testTimeout } from './testing/kafka-bus-fixture.ts';

// A member whose only assignor no other member offers: the broker refuses anyone else who joins
// its group with INCONSISTENT_GROUP_PROTOCOL, an error kafkajs does not restart after.
const rogueAssigner = (): Assigner => ({
  name: 'RogueAssigner',
  version: 1,
  assign: ({ members }) =>
    Promise.resolve(
      members.map(({ memberId }) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 1,
          assignment: {},
          userData: Buffer.alloc(0),
        }),
      })),
    ),
  protocol: ({ topics }) => ({
    name: 'RogueAssigner',
    metadata: AssignerProtocol.MemberMetadata.encode({
      version: 1,
      topics,
      userData: Buffer.alloc(0),
    }),
  }),
});

describe('Kafka consumer', () => {
  let fixture: EventBusFixture;
  beforeAll(() => realServers(), serverStartTimeout);
  beforeEach(async () => {
    fixture = await kafkaBusFixture({ restartBackoffMs: 200, logLevel: 'nothing' });
  }, testTimeout);
  afterEach(() => fixture.cleanup(), testTimeout);

  it(
    'starts again after a crash kafkajs does not restart from, and then delivers',
    async () => {
      const { kafkaBrokers: brokers } = await realServers();
      const topic = uniqueName('crash');
      const groupId = uniqueName('crash_group');
      await fixture.bus.ensureTopics([{ name: topic }]);
      const rogue = new Kafka({ brokers, clientId: 'rogue', logLevel: logLevel.NOTHING }).consumer({
        groupId,
        partitionAssigners: [rogueAssigner],
      });
      await rogue.connect();
      await rogue.subscribe({ topics: [topic] });
      // run() returns before the join: wait for it, or our consumer may form the group first.
      const joined = new Promise<void>((resolve) => {
        rogue.on(rogue.events.GROUP_JOIN, () => resolve());
      });
      await rogue.run({ eachMessage: () => Promise.resolve() });
      await joined;

      const recording = await record(fixture.bus, { groupId, topics: [topic] });
      await fixture.bus.publish(topic, [message('k', '1'), message('k', '2')]);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(recording.received).toEqual([]); // refused by the group while the rogue is in it
      await rogue.disconnect();

      await waitUntil(() => recording.received.length >= 2, 'delivery after the restart', 30_000);
      await recording.consumer.stop();
      expect(recording.values()).toEqual(['1', '2']);
    },
    testTimeout,
  );

  it(
    "keeps a new 'latest' group's start when it stops before reading anything",
    async () => {
      const topic = uniqueName('latest_start');
      const groupId = uniqueName('latest_group');
      await fixture.bus.ensureTopics([{ name: topic }]);
      await fixture.bus.publish(topic, [message('k', 'before')]);
      const first = await record(fixture.bus, { groupId, topics: [topic], from: 'latest' });
      await first.consumer.stop();
      await fixture.bus.publish(topic, [message('k', 'while-away')]);

      const second = await record(fixture.bus, { groupId, topics: [topic], from: 'latest' });
      await waitUntil(() => second.received.length >= 1, 'the message published while away');
      await second.consumer.stop();
      expect(first.values()).toEqual([]);
      expect(second.values()).toEqual(['while-away']);
    },
    testTimeout,
  );

  it(
    'hands a message that is still failing at stop to the next consumer first',
    async () => {
      const topic = uniqueName('stop_failing');
      const groupId = uniqueName('stop_failing_group');
      await fixture.bus.publish(topic, [message('k', 'stuck'), message('k', 'next')]);
      let failures = 0;
      const failing = await fixture.bus.subscribe({
        groupId,
        topics: [topic],
        handle: () => {
          failures++;
          return Promise.reject(new Error('still down'));
        },
      });
      await waitUntil(() => failures >= 3, 'a few failed deliveries');
      await failing.stop();

      const recovered = await record(fixture.bus, { groupId, topics: [topic] });
      await waitUntil(() => recovered.received.length >= 2, 'both messages');
      await recovered.consumer.stop();
      expect(recovered.values()).toEqual(['stuck', 'next']);
    },
    testTimeout,
  );

  it(
    'puts every message of a key in one partition',
    async () => {
      const topic = uniqueName('keys');
      await fixture.bus.ensureTopics([{ name: topic, partitions: 6 }]);
      const keys = Array.from({ length: 20 }, (_, index) => `customer-${index}`);
      for (const round of ['1', '2', '3']) {
        await fixture.bus.publish(
          topic,
          keys.map((key) => message(key, round)),
        );
      }
      const recording = await record(fixture.bus, { groupId: uniqueName('keys'), topics: [topic] });
      await waitUntil(() => recording.received.length >= 60, 'every message');
      await recording.consumer.stop();
      const partitionsByKey = new Map<string, Set<number>>();
      for (const incoming of recording.received) {
        const seen = partitionsByKey.get(incoming.key) ?? new Set<number>();
        partitionsByKey.set(incoming.key, seen.add(incoming.partition));
      }
      expect([...partitionsByKey.values()].every((partitions) => partitions.size === 1)).toBe(true);
      const used = new Set(recording.received.map((incoming) => incoming.partition));
      expect(used.size).toBeGreaterThan(1); // the keys are spread, not all in one partition
      for (const key of keys) {
        const values = recording.received.filter((incoming) => incoming.key === key);
        expect(values.map((incoming) => text(incoming.value))).toEqual(['1', '2', '3']);
      }
    },
    testTimeout,
  );
});
