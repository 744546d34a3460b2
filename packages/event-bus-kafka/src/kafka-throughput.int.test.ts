// Publish and consume rates on the real broker, printed for docs/benchmarks.md, never asserted:
// only that everything arrived, in order per key.
import type { IncomingMessage } from '@crm/event-bus';
import type { EventBusFixture } from '@crm/event-bus/testing';
import { bytes, text } from '@crm/event-bus/testing';
import { realServers, uniqueName } from '@crm/test-servers';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kafkaBusFixture, serverStartTimeout, testTimeout } from './testing/kafka-bus-fixture.ts';

const total = 20_000;
const batchSize = 500;
const keys = 200;

const rate = (count: number, ms: number) => Math.round((count * 1000) / ms);

describe('Kafka bus throughput', () => {
  let fixture: EventBusFixture;
  beforeAll(() => realServers(), serverStartTimeout);
  beforeEach(async () => (fixture = await kafkaBusFixture()), testTimeout);
  afterEach(() => fixture.cleanup(), testTimeout);

  it(`publishes and consumes ${total} messages in batches of ${batchSize}`, async () => {
    const { bus } = fixture;
    const topic = uniqueName('throughput');
    await bus.ensureTopics([{ name: topic, partitions: 3 }]);
    // About the size of a CloudEvent of ours: ~300 bytes of JSON and a few ce_ headers.
    const body = JSON.stringify({ note: 'x'.repeat(240), city: '杭州' });
    const headers = { ce_type: 'crm.bench.sent.v1', ce_source: 'crm/bench', ce_specversion: '1.0' };

    const publishStart = performance.now();
    for (let first = 0; first < total; first += batchSize) {
      const batch = Array.from({ length: batchSize }, (_, index) => {
        const sequence = first + index;
        return {
          key: `key-${sequence % keys}`,
          value: bytes(`${sequence}|${body}`),
          headers: { ...headers, ce_id: String(sequence) },
        };
      });
      await bus.publish(topic, batch);
    }
    const publishMs = performance.now() - publishStart;

    const received: IncomingMessage[] = [];
    const all = Promise.withResolvers<void>();
    const consumeStart = performance.now();
    const consumer = await bus.subscribe({
      groupId: uniqueName('throughput'),
      topics: [topic],
      handle: (incoming) => {
        if (received.push(incoming) === total) all.resolve();
        return Promise.resolve();
      },
    });
    const joinedMs = performance.now() - consumeStart;
    await all.promise;
    const consumeMs = performance.now() - consumeStart;
    await consumer.stop();

    console.log(
      [
        `Kafka bus, ${total} messages of ~${body.length + 6} bytes, ${keys} keys, 3 partitions:`,
        `  publish (batches of ${batchSize}, acks=all, idempotent): ${Math.round(publishMs)} ms = ${rate(total, publishMs)} msgs/s`,
        `  consume (one group, one message at a time): ${Math.round(consumeMs)} ms = ${rate(total, consumeMs)} msgs/s` +
          ` (${rate(total, consumeMs - joinedMs)} msgs/s after the ${Math.round(joinedMs)} ms group join)`,
      ].join('\n'),
    );

    expect(received).toHaveLength(total);
    const lastByKey = new Map<string, number>();
    let outOfOrder = 0;
    for (const incoming of received) {
      const sequence = Number(text(incoming.value).split('|')[0]);
      if ((lastByKey.get(incoming.key) ?? -1) > sequence) outOfOrder++;
      lastByKey.set(incoming.key, sequence);
    }
    expect(outOfOrder).toBe(0);
  }, 120_000);
});
