// The production adapters on the real servers (PostgreSQL, Kafka, FerretDB) a configuration names.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realServers, uniqueName } from '@crm/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterConfig } from './adapter-config.ts';
import { openAdapters } from './open-adapters.ts';

let config: AdapterConfig;
const dir = mkdtempSync(join(tmpdir(), 'service-adapters-real-'));

beforeAll(async () => {
  const servers = await realServers();
  config = {
    CRM_DATA_DIR: join(dir, 'unused'),
    DATABASE_URL: servers.databaseUrl,
    EVENT_STORE_SCHEMA: uniqueName('adapters'),
    KAFKA_BROKERS: servers.kafkaBrokers,
    KAFKA_CLIENT_ID: 'crm-adapters-test',
    KAFKA_TOPIC_PREFIX: '',
    KAFKA_PARTITIONS: 1,
    KAFKA_REPLICATION_FACTOR: 1,
    MONGODB_URL: servers.mongodbUrl,
    MONGODB_DATABASE: uniqueName('adapters'),
  };
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openAdapters with every server configured', () => {
  it('opens PostgreSQL, Kafka and MongoDB, and writes no file', async () => {
    const adapters = await openAdapters(config);
    try {
      expect(adapters.kinds).toEqual({
        eventStore: 'postgresql',
        bus: 'kafka',
        readStore: 'mongodb',
      });
      const metadata = { actor: 'u-test', correlationId: 'c', causationId: 'c' };
      await adapters.eventStore.append(
        'thing-1',
        [{ id: randomUUID(), type: 'ThingMade', data: { n: 1 }, metadata }],
        { expectedRevision: 'no_stream' },
      );
      expect(await adapters.eventStore.readStream('thing-1')).toHaveLength(1);
      await adapters.documentStore.collection('things').put({ _id: 'thing-1', n: 1 }, 0);
      expect(await adapters.documentStore.collection('things').get('thing-1')).toEqual({
        _id: 'thing-1',
        n: 1,
      });
      const topic = uniqueName('adapters');
      await adapters.bus.ensureTopics([{ name: topic }]);
      await adapters.bus.publish(topic, [
        { key: 'thing-1', value: Buffer.from('{}'), headers: {} },
      ]);
    } finally {
      await adapters.close();
    }
    expect(existsSync(config.CRM_DATA_DIR)).toBe(false);
  });
});
