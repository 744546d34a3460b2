import { describe, expect, it } from 'vitest';
import { serversFromEnv } from './real-servers.ts';

const all = {
  DATABASE_URL: 'postgres://u:p@db:5432/crm',
  KAFKA_BROKERS: 'k1:9092, k2:9092,',
  MONGODB_URL: 'mongodb://mongo:27017/',
};

describe('serversFromEnv', () => {
  it('splits the broker list and leaves eventstoreUrl out when unset', () => {
    expect(serversFromEnv(all)).toStrictEqual({
      kafkaBrokers: ['k1:9092', 'k2:9092'],
      mongodbUrl: 'mongodb://mongo:27017/',
      databaseUrl: 'postgres://u:p@db:5432/crm',
    });
  });

  it('passes EVENTSTORE_URL through', () => {
    const url = 'esdb://127.0.0.1:2113?tls=false';
    expect(serversFromEnv({ ...all, EVENTSTORE_URL: url }).eventstoreUrl).toBe(url);
  });

  it('leaves a blank EVENTSTORE_URL out', () => {
    expect(serversFromEnv({ ...all, EVENTSTORE_URL: ' ' })).not.toHaveProperty('eventstoreUrl');
  });

  it('refuses an environment that lacks a server', () => {
    expect(() => serversFromEnv({ ...all, MONGODB_URL: undefined })).toThrow(/MONGODB_URL/);
  });
});
