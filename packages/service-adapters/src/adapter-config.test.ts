import { ConfigError, parseConfig } from '@crm/service-kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adapterConfigFields } from './adapter-config.ts';

const schema = z.object(
  adapterConfigFields({
    dataDir: '.crm-data/things',
    eventStoreSchema: 'crm_things',
    kafkaClientId: 'crm-things',
    mongodbDatabase: 'crm_things',
  }),
);

describe('the adapter config fields', () => {
  it("default to embedded files under the service's folder and its names", () => {
    expect(parseConfig(schema, {})).toEqual({
      CRM_DATA_DIR: '.crm-data/things',
      EVENT_STORE_SCHEMA: 'crm_things',
      KAFKA_CLIENT_ID: 'crm-things',
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_PARTITIONS: 6,
      KAFKA_REPLICATION_FACTOR: 1,
      MONGODB_DATABASE: 'crm_things',
    });
  });

  it('read server URLs and a broker list', () => {
    const config = parseConfig(schema, {
      DATABASE_URL: 'postgres://crm:secret@db:5432/crm',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      MONGODB_URL: 'mongodb://mongo:27017/',
      KAFKA_PARTITIONS: '12',
    });
    expect(config).toMatchObject({
      DATABASE_URL: 'postgres://crm:secret@db:5432/crm',
      KAFKA_BROKERS: ['k1:9092', 'k2:9092'],
      MONGODB_URL: 'mongodb://mongo:27017/',
      KAFKA_PARTITIONS: 12,
    });
  });

  it('report every bad variable at once', () => {
    let variables: string[] = [];
    try {
      parseConfig(schema, {
        DATABASE_URL: 'mysql://db/crm',
        EVENTSTORE_URL: 'http://esdb:2113',
        KAFKA_BROKERS: 'no-port',
        MONGODB_URL: 'http://mongo',
        EVENT_STORE_SCHEMA: 'Bad-Schema',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      variables = (error as ConfigError).issues.map((issue) => issue.variable);
    }
    expect(variables.sort()).toEqual([
      'DATABASE_URL',
      'EVENTSTORE_URL',
      'EVENT_STORE_SCHEMA',
      'KAFKA_BROKERS.0',
      'MONGODB_URL',
    ]);
  });
});
