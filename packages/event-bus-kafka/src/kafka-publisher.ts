// Publishing: one idempotent producer, acks from every in-sync replica, one request in flight per
// broker so a retried batch can never overtake the next one (per-key order).
import type { OutgoingMessage } from '@crm/event-bus';
import { Partitioners, type Kafka, type Producer, type RetryOptions } from 'kafkajs';
import { toKafkaMessage } from './kafka-message.ts';

export interface Publisher {
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export function kafkaPublisher(kafka: Kafka, retry: RetryOptions): Publisher {
  let current: Promise<Producer> | undefined;

  const open = (): Promise<Producer> => {
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The Java client's murmur2 partitioner (kafkajs' v2 default, named so it does not warn):
      // the same key lands in the same partition whichever client published it.
      createPartitioner: Partitioners.DefaultPartitioner,
      retry,
    });
    return producer.connect().then(
      () => producer,
      async (error: unknown) => {
        await producer.disconnect().catch(() => {});
        throw error;
      },
    );
  };

  const discard = (producer: Promise<Producer>): void => {
    if (current === producer) current = undefined;
    producer.then((stale) => stale.disconnect()).catch(() => {});
  };

  return {
    send: async (topic, messages) => {
      if (messages.length === 0) return;
      const producer = (current ??= open());
      try {
        await (await producer).send({ topic, acks: -1, messages: messages.map(toKafkaMessage) });
      } catch (error) {
        // After a send that failed for good, the broker may still have written it. Reusing the
        // producer would reuse its sequence numbers and the next batch could be taken for that
        // duplicate and dropped, so the next send gets a new producer id instead.
        discard(producer);
        throw error;
      }
    },
    close: async () => {
      const producer = current;
      current = undefined;
      if (producer) await (await producer.catch(() => undefined))?.disconnect();
    },
  };
}
