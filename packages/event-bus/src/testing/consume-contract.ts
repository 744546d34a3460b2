// consume() on a real bus: retries, dead letters with the original bytes, and moving on.
import {
  deadLetterTopic,
  fromBinaryMessage,
  toBinaryMessage,
  type CloudEvent,
} from '@crm/contracts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { consume } from '../consume.ts';
import type { IncomingMessage } from '../event-bus.ts';
import { PermanentError } from '../permanent-error.ts';
import {
  bytes,
  contractTimeout as timeout,
  message,
  record,
  text,
  uniqueName,
  waitUntil,
  type BusContext,
} from './bus-test-kit.ts';

const event = (subject: string): CloudEvent => ({
  specversion: '1.0',
  id: randomUUID(),
  source: 'crm/contract-test',
  type: 'crm.contract.checked.v1',
  subject,
  time: '2025-01-02T03:04:05.000+08:00',
  datacontenttype: 'application/json',
  correlationid: 'correlation-1',
  causationid: 'causation-1',
  actor: 'system:contract-test',
  streamrevision: 0,
  data: { note: '你好' },
});

export function describeConsumeContract(context: BusContext): void {
  describe('consume()', () => {
    it(
      'parks an unreadable message on the dead-letter topic as it was, and moves on',
      async () => {
        const bus = context.bus();
        const topic = uniqueName('poison');
        const groupId = uniqueName('poison-group');
        await bus.ensureTopics([{ name: topic }]);
        const [good1, good2] = [event('c-1'), event('c-1')];
        const poison = {
          key: 'c-1',
          value: bytes('{not json'),
          headers: { ce_id: 'x', trace: 't' },
        };
        await bus.publish(topic, [toBinaryMessage(good1), poison, toBinaryMessage(good2)]);
        const seen: IncomingMessage[] = [];
        const handled: string[] = [];
        const consumer = await consume(bus, {
          groupId,
          topics: [topic],
          backoffMs: 5,
          handle: (incoming) =>
            Promise.resolve().then(() => {
              seen.push(incoming);
              handled.push(fromBinaryMessage(incoming).id);
            }),
        });
        const dlq = await record(bus, {
          groupId: uniqueName('dlq'),
          topics: [deadLetterTopic(groupId)],
        });
        await waitUntil(() => handled.length >= 2 && dlq.received.length >= 1, 'good and parked');
        await Promise.all([consumer.stop(), dlq.consumer.stop()]);

        expect(handled).toEqual([good1.id, good2.id]);
        const poisonSeen = seen.filter((incoming) => text(incoming.value) === '{not json');
        expect(poisonSeen).toHaveLength(1); // permanent: no retry
        const parked = dlq.received[0];
        expect(dlq.received).toHaveLength(1);
        expect(parked?.key).toBe('c-1');
        expect(Array.from(parked?.value ?? [])).toEqual(Array.from(poison.value));
        expect(parked?.headers).toEqual({
          ...poison.headers,
          dlq_original_topic: topic,
          dlq_original_partition: String(poisonSeen[0]?.partition),
          dlq_original_offset: poisonSeen[0]?.offset,
          dlq_group: groupId,
          dlq_error_code: 'UNREADABLE_MESSAGE',
          dlq_error_message: expect.stringMatching(/.+/) as unknown,
          dlq_attempts: '1',
          dlq_failed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        });
      },
      timeout,
    );

    it(
      'handles a message exactly once when it fails a few times and then succeeds',
      async () => {
        const bus = context.bus();
        const topic = uniqueName('flaky');
        const groupId = uniqueName('flaky-group');
        await bus.ensureTopics([{ name: topic }]);
        await bus.publish(topic, [message('k', 'flaky'), message('k', 'sentinel')]);
        let attempts = 0;
        const handled: string[] = [];
        const consumer = await consume(bus, {
          groupId,
          topics: [topic],
          maxAttempts: 5,
          backoffMs: 5,
          handle: (incoming) =>
            Promise.resolve().then(() => {
              const value = text(incoming.value);
              if (value === 'sentinel') throw new PermanentError('SENTINEL', 'parked on purpose');
              if (++attempts <= 2) throw new Error('database busy');
              handled.push(value);
            }),
        });
        const dlq = await record(bus, {
          groupId: uniqueName('dlq'),
          topics: [deadLetterTopic(groupId)],
        });
        // The sentinel has the same key, so once it is parked the flaky one is settled.
        await waitUntil(() => dlq.received.length >= 1, 'the sentinel on the dead-letter topic');
        await Promise.all([consumer.stop(), dlq.consumer.stop()]);
        expect(handled).toEqual(['flaky']);
        expect(attempts).toBe(3);
        expect(dlq.values()).toEqual(['sentinel']);
        expect(dlq.received[0]?.headers.dlq_error_code).toBe('SENTINEL');
      },
      timeout,
    );

    it(
      'parks a message after maxAttempts transient failures, with the count and code',
      async () => {
        const bus = context.bus();
        const topic = uniqueName('failing');
        const groupId = uniqueName('failing-group');
        await bus.ensureTopics([{ name: topic }]);
        await bus.publish(topic, [
          message('k', 'doomed', { origin: 'test' }),
          message('k', 'next'),
        ]);
        let attempts = 0;
        const handled: string[] = [];
        const consumer = await consume(bus, {
          groupId,
          topics: [topic],
          maxAttempts: 3,
          backoffMs: 5,
          handle: (incoming) =>
            Promise.resolve().then(() => {
              const value = text(incoming.value);
              if (value === 'doomed') {
                attempts++;
                throw Object.assign(new Error('the ledger is down'), { code: 'LEDGER_DOWN' });
              }
              handled.push(value);
            }),
        });
        const dlq = await record(bus, {
          groupId: uniqueName('dlq'),
          topics: [deadLetterTopic(groupId)],
        });
        await waitUntil(() => handled.length >= 1 && dlq.received.length >= 1, 'next and parked');
        await Promise.all([consumer.stop(), dlq.consumer.stop()]);
        expect(attempts).toBe(3);
        expect(handled).toEqual(['next']);
        expect(dlq.values()).toEqual(['doomed']);
        expect(dlq.received[0]?.headers).toMatchObject({
          origin: 'test',
          dlq_attempts: '3',
          dlq_error_code: 'LEDGER_DOWN',
          dlq_error_message: 'the ledger is down',
          dlq_original_topic: topic,
        });
      },
      timeout,
    );
  });
}
