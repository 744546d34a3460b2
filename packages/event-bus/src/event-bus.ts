// The bus port: topics of keyed messages, consumer groups with durable offsets, at-least-once
// delivery, order kept per key. Adapters: embedded (here, SQLite-backed, in-process) and Kafka.
// Every adapter passes `describeEventBusContract`.

export type Headers = Record<string, string>;

export interface OutgoingMessage {
  /** Messages with the same key keep their order (Kafka: same partition). */
  key: string;
  value: Uint8Array;
  headers: Headers;
}

export interface IncomingMessage extends OutgoingMessage {
  topic: string;
  partition: number;
  /** Offset within the partition, as a decimal string (Kafka offsets are int64). */
  offset: string;
  /** When the message was published (ISO-8601). */
  timestamp: string;
}

export interface ConsumerOptions {
  groupId: string;
  topics: readonly string[];
  /** Where a group with no committed offset starts. Default 'earliest'. */
  from?: 'earliest' | 'latest';
  /**
   * Called for each message; the offset is committed only after the promise resolves, so a crash
   * redelivers (at least once). A rejection is retried by the consumer wrapper (see consume.ts),
   * never silently skipped.
   */
  handle: (message: IncomingMessage) => Promise<void>;
}

export interface Consumer {
  /** Stops after the message in flight; committed offsets are kept. */
  stop(): Promise<void>;
}

export interface TopicSpec {
  name: string;
  partitions?: number;
  replicationFactor?: number;
}

export interface EventBus {
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Resolves once every message is durably accepted by the bus, in order. */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: ConsumerOptions): Promise<Consumer>;
  close(): Promise<void>;
}
