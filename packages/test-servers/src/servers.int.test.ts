import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { MongoClient } from 'mongodb';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { realServers, type RealServers } from './real-servers.ts';
import { uniqueName } from './unique-name.ts';

let servers: RealServers;

beforeAll(async () => {
  servers = await realServers();
});

describe('PostgreSQL', () => {
  it('answers select 1', async () => {
    const client = new pg.Client({ connectionString: servers.databaseUrl });
    await client.connect();
    try {
      const result = await client.query<{ one: number }>('select 1 as one');
      expect(result.rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('gives each test its own database', async () => {
    const name = uniqueName('db');
    const admin = new pg.Client({ connectionString: servers.databaseUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      const url = new URL(servers.databaseUrl);
      url.pathname = `/${name}`;
      const client = new pg.Client({ connectionString: url.href });
      await client.connect();
      const result = await client.query<{ db: string }>('select current_database() as db');
      await client.end();
      expect(result.rows).toEqual([{ db: name }]);
    } finally {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });
});

describe('Kafka', () => {
  const kafka = () =>
    new Kafka({
      clientId: 'test-servers',
      brokers: servers.kafkaBrokers,
      // kafkajs logs retried, expected errors (a coordinator still loading) at ERROR.
      logLevel: logLevel.NOTHING,
      retry: { retries: 2 },
    });

  it('creates a topic, produces one message and consumes it', async () => {
    const client = kafka();
    const topic = uniqueName('topic');
    const admin = client.admin();
    const producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    const consumer = client.consumer({ groupId: uniqueName('group') });
    try {
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'customer-1', value: 'registered' }] });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const received = await new Promise<{ key: string; value: string; offset: string }>(
        (resolve) => {
          void consumer.run({
            eachMessage: ({ message }) => {
              resolve({
                key: message.key?.toString() ?? '',
                value: message.value?.toString() ?? '',
                offset: message.offset,
              });
              return Promise.resolve();
            },
          });
        },
      );
      expect(received).toEqual({ key: 'customer-1', value: 'registered', offset: '0' });
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.disconnect();
    }
  });

  it('does not create topics on demand: tests create their own', async () => {
    const admin = kafka().admin();
    await admin.connect();
    try {
      await expect(
        admin.fetchTopicMetadata({ topics: [uniqueName('missing')] }),
      ).rejects.toMatchObject({ type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    } finally {
      await admin.disconnect();
    }
  });
});

describe('MongoDB protocol (FerretDB natively, MongoDB in a container)', () => {
  it('inserts a document and finds it', async () => {
    const client = new MongoClient(servers.mongodbUrl);
    await client.connect();
    const db = client.db(uniqueName('db'));
    try {
      const customers = db.collection<{ _id: string; name: string }>('customers');
      await customers.insertOne({ _id: 'customer-1', name: 'Ada Lovelace' });
      expect(await customers.findOne({ _id: 'customer-1' })).toEqual({
        _id: 'customer-1',
        name: 'Ada Lovelace',
      });
    } finally {
      await db.dropDatabase();
      await client.close();
    }
  });
});
