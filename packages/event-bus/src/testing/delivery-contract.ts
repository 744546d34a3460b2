// Delivery: order per key, intact bytes and headers, groups, offsets, redelivery, 'latest', reopen.
import { describe, expect, it } from 'vitest';
import {
  byKey,
  bytes,
  contractTimeout,
  message,
  record,
  text,
  uniqueName,
  waitUntil,
  type BusContext,
} from './bus-test-kit.ts';

export function describeDeliveryContract(context: BusContext): void {
  describe('delivery', () => {
    const topicWith = async (prefix: string) => {
      const topic = uniqueName(prefix);
      await context.bus().ensureTopics([{ name: topic, partitions: 3, replicationFactor: 1 }]);
      return topic;
    };

    it(
      'delivers from earliest, in order per key, with key, bytes and headers intact',
      async () => {
        const bus = context.bus();
        const topic = await topicWith('orders');
        const binary = new Uint8Array([0, 255, 1, 128, 10, 13]);
        const headers = { ce_id: 'id-1', 'content-type': 'application/json', 'x-place': '杭州' };
        await bus.publish(topic, [
          message('a', 'a1', headers),
          message('b', 'b1'),
          message('a', 'a2'),
        ]);
        await bus.publish(topic, [
          { key: 'c', value: binary, headers: { kind: 'binary' } },
          message('b', 'b2'),
          message('a', 'a3'),
        ]);
        const recording = await record(bus, { groupId: uniqueName('g'), topics: [topic] });
        await waitUntil(() => recording.received.length >= 6, 'six messages');
        await recording.consumer.stop();

        expect(byKey(recording.received)).toMatchObject({ a: ['a1', 'a2', 'a3'], b: ['b1', 'b2'] });
        const first = recording.received.find((incoming) => text(incoming.value) === 'a1');
        expect(first?.headers).toEqual(headers);
        const binaryMessage = recording.received.find((incoming) => incoming.key === 'c');
        expect(Array.from(binaryMessage?.value ?? [])).toEqual(Array.from(binary));
        expect(binaryMessage?.headers).toEqual({ kind: 'binary' });
        for (const incoming of recording.received) {
          expect(incoming.topic).toBe(topic);
          expect(incoming.offset).toMatch(/^\d+$/);
          expect(Number.isInteger(incoming.partition)).toBe(true);
          expect(Number.isNaN(Date.parse(incoming.timestamp))).toBe(false);
        }
      },
      contractTimeout,
    );

    it(
      'gives every message to each group',
      async () => {
        const bus = context.bus();
        const topic = await topicWith('fanout');
        await bus.publish(topic, [message('k', '1'), message('k', '2'), message('j', '3')]);
        const one = await record(bus, { groupId: uniqueName('one'), topics: [topic] });
        const two = await record(bus, { groupId: uniqueName('two'), topics: [topic] });
        await bus.publish(topic, [message('k', '4')]);
        await waitUntil(() => one.received.length >= 4 && two.received.length >= 4, 'both groups');
        await Promise.all([one.consumer.stop(), two.consumer.stop()]);
        for (const recording of [one, two]) {
          expect(byKey(recording.received)).toEqual({ k: ['1', '2', '4'], j: ['3'] });
        }
      },
      contractTimeout,
    );

    it(
      'resumes a group from its committed offset after stop, losing nothing',
      async () => {
        const bus = context.bus();
        const topic = await topicWith('resume');
        const groupId = uniqueName('resume');
        await bus.publish(
          topic,
          ['1', '2', '3'].map((value) => message('k', value)),
        );
        const before = await record(bus, { groupId, topics: [topic] });
        await waitUntil(() => before.received.length >= 3, 'the first three');
        await before.consumer.stop();
        await bus.publish(
          topic,
          ['4', '5'].map((value) => message('k', value)),
        );
        const after = await record(bus, { groupId, topics: [topic] });
        await waitUntil(() => after.values().includes('5'), 'the last message');
        await after.consumer.stop();
        // At least once: a redelivery is allowed, a gap or a reordering is not.
        const seen = new Set([...before.values(), ...after.values()]);
        expect([...seen].sort()).toEqual(['1', '2', '3', '4', '5']);
        expect(after.values().slice(-2)).toEqual(['4', '5']);
        expect(after.values()).toEqual([...after.values()].sort());
      },
      contractTimeout,
    );

    it(
      'delivers a message again after its handler failed, before the ones after it',
      async () => {
        const bus = context.bus();
        const topic = await topicWith('redeliver');
        await bus.publish(
          topic,
          ['1', '2', '3'].map((value) => message('k', value)),
        );
        const handled: string[] = [];
        let failures = 0;
        const consumer = await bus.subscribe({
          groupId: uniqueName('redeliver'),
          topics: [topic],
          handle: (incoming) => {
            const value = text(incoming.value);
            if (value === '2' && failures < 2) {
              failures++;
              return Promise.reject(new Error('transient'));
            }
            handled.push(value);
            return Promise.resolve();
          },
        });
        await waitUntil(() => handled.includes('3'), 'the message after the failing one');
        await consumer.stop();
        expect(failures).toBe(2);
        expect(handled).toEqual(['1', '2', '3']);
      },
      contractTimeout,
    );

    it(
      "starts a new group at the end with from: 'latest'",
      async () => {
        const bus = context.bus();
        const topic = await topicWith('latest');
        await bus.publish(topic, [message('k', 'old-1'), message('k', 'old-2')]);
        const recording = await record(bus, {
          groupId: uniqueName('latest'),
          topics: [topic],
          from: 'latest',
        });
        await bus.publish(topic, [message('k', 'new-1'), message('k', 'new-2')]);
        await waitUntil(() => recording.received.length >= 2, 'the new messages');
        await recording.consumer.stop();
        expect(recording.values()).toEqual(['new-1', 'new-2']);
      },
      contractTimeout,
    );

    it(
      'keeps published messages and committed offsets across a reopen',
      async () => {
        const topic = await topicWith('durable');
        const groupId = uniqueName('durable');
        await context.bus().publish(
          topic,
          ['1', '2', '3'].map((value) => message('k', value)),
        );
        const before = await record(context.bus(), { groupId, topics: [topic] });
        await waitUntil(() => before.received.length >= 3, 'the first three');
        await before.consumer.stop();
        await context.bus().publish(topic, [message('k', '4')]);

        const bus = await context.reopen();
        await bus.publish(topic, [{ key: 'k', value: bytes('5'), headers: { after: 'reopen' } }]);
        const after = await record(bus, { groupId, topics: [topic] });
        const fresh = await record(bus, { groupId: uniqueName('fresh'), topics: [topic] });
        await waitUntil(() => after.values().includes('5'), 'the message published after reopen');
        await waitUntil(() => fresh.received.length >= 5, 'the whole topic for a new group');
        await Promise.all([after.consumer.stop(), fresh.consumer.stop()]);
        // Committed offsets survived: at most the last handled message comes again.
        expect(after.values().filter((value) => ['1', '2'].includes(value))).toEqual([]);
        expect(after.values().slice(-2)).toEqual(['4', '5']);
        expect(fresh.values()).toEqual(['1', '2', '3', '4', '5']);
        expect(fresh.received.at(-1)?.headers).toEqual({ after: 'reopen' });
      },
      contractTimeout,
    );
  });
}
