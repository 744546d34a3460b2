// The bus alone, idle: one message every 20 ms to a fresh topic, and the time from publish() until
// a consumer of the bus adapter is handed it. The floor under the lag of phase 2.
import { performance } from 'node:perf_hooks';
import type { EventBus } from '@crm/event-bus';
import { subscribeRetrying } from './kafka-lag.ts';
import { percentile } from './percentile.ts';

export interface BusLatency {
  messages: number;
  p50Ms: number;
  p99Ms: number;
}

const INTERVAL_MS = 20;
const MESSAGES = 250;

export async function measureBusLatency(
  bus: EventBus,
  topic: string,
  groupId: string,
): Promise<BusLatency> {
  await bus.ensureTopics([{ name: topic }]);
  const sentAt = new Map<string, number>();
  const latencies = new Map<string, number>();
  const consumer = await subscribeRetrying(bus, {
    groupId,
    topics: [topic],
    handle: (message) => {
      const sent = sentAt.get(message.key);
      if (sent !== undefined && !latencies.has(message.key)) {
        latencies.set(message.key, performance.now() - sent);
      }
      return Promise.resolve();
    },
  });
  const send = async (key: string) => {
    sentAt.set(key, performance.now());
    await bus.publish(topic, [{ key, value: new TextEncoder().encode('{}'), headers: {} }]);
  };
  try {
    // The consumer has joined its group once a first message comes through.
    await send('warm-up');
    while (!latencies.has('warm-up')) await new Promise((resolve) => setTimeout(resolve, 10));
    for (let i = 0; i < MESSAGES; i++) {
      await send(`m-${i}`);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
    const deadline = performance.now() + 30_000;
    while (latencies.size < MESSAGES + 1 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    latencies.delete('warm-up');
    const samples = [...latencies.values()];
    return {
      messages: samples.length,
      p50Ms: percentile(samples, 50),
      p99Ms: percentile(samples, 99),
    };
  } finally {
    await consumer.stop();
  }
}
