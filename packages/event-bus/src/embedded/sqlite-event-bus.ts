// The embedded bus: Kafka's model (topics, offsets, consumer groups) in one SQLite file, delivered
// in-process. One partition per topic, so every topic keeps full order, and so every key.
import { DatabaseSync, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import type { Consumer, ConsumerOptions, EventBus, IncomingMessage } from '../event-bus.ts';
import { startConsumer, type ConsumerStorage, type RunningConsumer } from './sqlite-consumer.ts';

export interface SqliteEventBusOptions {
  /** A file path, or ':memory:' for a bus that lives as long as the process. */
  path: string;
  /** First wait before a message whose handler failed is delivered again (doubles, capped). */
  retryBackoffMs?: number;
}

const schema = `
  CREATE TABLE IF NOT EXISTS topics (name TEXT PRIMARY KEY, created_at TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS messages (
    topic TEXT NOT NULL, "offset" INTEGER NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL,
    headers TEXT NOT NULL, timestamp TEXT NOT NULL, PRIMARY KEY (topic, "offset")) STRICT;
  CREATE TABLE IF NOT EXISTS consumer_offsets (
    group_id TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL,
    "offset" INTEGER NOT NULL, PRIMARY KEY (group_id, topic, partition)) STRICT;`;

// Kafka's rule for topic names, so nothing that works here fails there.
const topicName = /^[A-Za-z0-9._-]{1,249}$/;

export class BusClosed extends Error {
  readonly code = 'BUS_CLOSED';
  constructor() {
    super('the event bus is closed');
    this.name = 'BusClosed';
  }
}

export function openSqliteEventBus(options: SqliteEventBusOptions): EventBus {
  const db = new DatabaseSync(options.path, { timeout: 5000 });
  // FULL: a publish that resolved survives a power loss, not only a process crash.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
  db.exec(schema);
  const statements = new Map<string, StatementSync>();
  const sql = (text: string): StatementSync => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };
  const consumers = new Set<RunningConsumer>();
  const groupTails = new Map<string, Promise<void>>();
  const retryBackoffMs = options.retryBackoffMs ?? 100;
  let closed = false;

  const open = <T>(work: () => T): Promise<T> =>
    new Promise<T>((resolve) => {
      if (closed) throw new BusClosed();
      resolve(work());
    });
  const createTopic = (name: string): void => {
    if (!topicName.test(name)) throw new TypeError(`invalid topic name: ${JSON.stringify(name)}`);
    sql('INSERT OR IGNORE INTO topics (name, created_at) VALUES (?, ?)').run(name, now());
  };
  const endOffset = (topic: string): number =>
    Number(
      sql('SELECT max("offset") AS last FROM messages WHERE topic = ?').get(topic)?.last ?? -1,
    ) + 1;

  const storage: ConsumerStorage = {
    read: (topic, fromOffset, limit) =>
      sql(
        'SELECT "offset", key, value, headers, timestamp FROM messages ' +
          'WHERE topic = ? AND "offset" >= ? ORDER BY "offset" LIMIT ?',
      )
        .all(topic, fromOffset, limit)
        .map((row) => toIncoming(topic, row)),
    committed: (groupId, topic) => {
      const row = sql(
        'SELECT "offset" FROM consumer_offsets WHERE group_id = ? AND topic = ? AND partition = 0',
      ).get(groupId, topic);
      return row ? Number(row.offset) : null;
    },
    commit: (groupId, topic, nextOffset) => {
      sql(
        'INSERT INTO consumer_offsets (group_id, topic, partition, "offset") VALUES (?, ?, 0, ?) ' +
          'ON CONFLICT (group_id, topic, partition) DO UPDATE SET "offset" = excluded."offset"',
      ).run(groupId, topic, nextOffset);
    },
  };

  return {
    // Partitions and replication are Kafka's concern: here every topic has one partition.
    ensureTopics: (topics) => open(() => topics.forEach((topic) => createTopic(topic.name))),

    publish: (topic, messages) =>
      open(() => {
        createTopic(topic); // publishing to an unknown topic creates it, like Kafka's auto-create
        if (!messages.length) return;
        const insert = sql(
          'INSERT INTO messages (topic, "offset", key, value, headers, timestamp) VALUES (?, ?, ?, ?, ?, ?)',
        );
        db.exec('BEGIN IMMEDIATE');
        try {
          let offset = endOffset(topic);
          const timestamp = now();
          for (const message of messages) {
            insert.run(
              topic,
              offset++,
              message.key,
              message.value,
              JSON.stringify(message.headers),
              timestamp,
            );
          }
          db.exec('COMMIT');
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
        for (const consumer of consumers) if (consumer.topics.has(topic)) consumer.wake();
      }),

    subscribe: (consumerOptions: ConsumerOptions): Promise<Consumer> =>
      open(() => {
        const { groupId } = consumerOptions;
        // A new group's start is fixed now, so 'latest' means "after subscribe resolved".
        for (const topic of consumerOptions.topics) {
          createTopic(topic);
          if (storage.committed(groupId, topic) !== null) continue;
          const start = consumerOptions.from === 'latest' ? endOffset(topic) : 0;
          storage.commit(groupId, topic, start);
        }
        // One active consumer per group: a second one waits for the first to stop, then resumes
        // from the committed offsets (as a Kafka consumer gets the partitions after a rebalance).
        let release: () => void = () => {};
        const mine = new Promise<void>((resolve) => (release = resolve));
        const turn = groupTails.get(groupId) ?? Promise.resolve();
        const tail = turn.then(() => mine);
        groupTails.set(groupId, tail);
        const consumer = startConsumer(storage, consumerOptions, { retryBackoffMs, turn });
        consumers.add(consumer);
        return {
          stop: async () => {
            await consumer.stop();
            consumers.delete(consumer);
            release();
            if (groupTails.get(groupId) === tail) groupTails.delete(groupId);
          },
        };
      }),

    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      consumers.clear();
      db.close();
    },
  };
}

const now = (): string => new Date().toISOString();

function toIncoming(topic: string, row: Record<string, SQLOutputValue>): IncomingMessage {
  return {
    topic,
    partition: 0,
    offset: String(row.offset),
    key: String(row.key),
    value: row.value as Uint8Array,
    headers: JSON.parse(String(row.headers)) as Record<string, string>,
    timestamp: String(row.timestamp),
  };
}
