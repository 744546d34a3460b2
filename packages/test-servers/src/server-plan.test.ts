import { afterEach, describe, expect, it } from 'vitest';
import { startDockerApiStandIn, type DockerApiStandIn } from './fixtures/docker-api-stand-in.ts';
import {
  InvalidServersMode,
  missingEngines,
  planServers,
  serversMode,
  ServersNotGiven,
} from './server-plan.ts';

const given = {
  DATABASE_URL: 'postgres://u:p@db:5432/crm',
  KAFKA_BROKERS: 'k1:9092',
  MONGODB_URL: 'mongodb://mongo:27017/',
};
const eventstore = { EVENTSTORE_URL: 'esdb://esdb:2113?tls=false' };
const allNative = ['postgres', 'kafka', 'ferretdb'];
const allEngines = ['postgres', 'kafka', 'mongodb', 'eventstore'];

const standIns: DockerApiStandIn[] = [];
const docker = async (behaviour: 'answers' | 'fails' | 'hangs') => {
  const api = await startDockerApiStandIn(behaviour);
  standIns.push(api);
  return api;
};

afterEach(async () => {
  await Promise.all(standIns.splice(0).map((api) => api.close()));
});

describe('serversMode', () => {
  it.each([
    [undefined, 'auto'],
    [' ', 'auto'],
    ['auto', 'auto'],
    ['env', 'env'],
    ['containers', 'containers'],
    ['native', 'native'],
  ])('reads CRM_TEST_SERVERS=%j as %s', (value, mode) => {
    expect(serversMode({ CRM_TEST_SERVERS: value })).toBe(mode);
  });

  it('refuses any other value', () => {
    expect(() => serversMode({ CRM_TEST_SERVERS: 'docker' })).toThrow(InvalidServersMode);
  });
});

describe('missingEngines', () => {
  it('lists the engines with no or a blank variable', () => {
    expect(missingEngines({ KAFKA_BROKERS: ' ', MONGODB_URL: 'mongodb://m/' })).toEqual([
      'postgres',
      'kafka',
      'eventstore',
    ]);
    expect(missingEngines({ ...given, ...eventstore })).toEqual([]);
  });
});

describe('planServers: the environment wins', () => {
  it('starts nothing and asks no Docker when all four are named', async () => {
    const api = await docker('answers');
    const env = { ...given, ...eventstore, DOCKER_HOST: api.dockerHost };
    expect(await planServers(env)).toEqual({ source: 'env' });
    expect(api.pings()).toBe(0);
  });

  it('starts only what is missing, as containers when Docker answers', async () => {
    const api = await docker('answers');
    const env = { DATABASE_URL: given.DATABASE_URL, DOCKER_HOST: api.dockerHost };
    expect(await planServers(env)).toEqual({
      source: 'containers',
      engines: ['kafka', 'mongodb', 'eventstore'],
      dockerHost: api.dockerHost,
    });
  });

  it('starts only what is missing, natively without Docker', async () => {
    const env = { KAFKA_BROKERS: given.KAFKA_BROKERS, DOCKER_HOST: 'unix:///nonexistent.sock' };
    expect(await planServers(env)).toEqual({ source: 'native', servers: ['postgres', 'ferretdb'] });
  });
});

describe('planServers: auto', () => {
  it('runs everything missing in containers when Docker answers, EventStoreDB too', async () => {
    const api = await docker('answers');
    expect(await planServers({ DOCKER_HOST: api.dockerHost })).toEqual({
      source: 'containers',
      engines: allEngines,
      dockerHost: api.dockerHost,
    });
    expect(api.pings()).toBe(1);
  });

  it('adds an EventStoreDB container to servers the environment names', async () => {
    const api = await docker('answers');
    expect(await planServers({ ...given, DOCKER_HOST: api.dockerHost })).toEqual({
      source: 'containers',
      engines: ['eventstore'],
      dockerHost: api.dockerHost,
    });
  });

  it('falls back to the native servers when Docker answers with an error', async () => {
    const api = await docker('fails');
    expect(await planServers({ DOCKER_HOST: api.dockerHost })).toEqual({
      source: 'native',
      servers: allNative,
    });
    expect(api.pings()).toBe(1);
  });

  it('falls back to the native servers within about a second when Docker never answers', async () => {
    const api = await docker('hangs');
    const started = performance.now();
    expect(await planServers({ DOCKER_HOST: api.dockerHost })).toEqual({
      source: 'native',
      servers: allNative,
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('leaves EventStoreDB out without Docker: nothing else can run it', async () => {
    expect(await planServers({ ...given, DOCKER_HOST: 'unix:///nonexistent.sock' })).toEqual({
      source: 'env',
    });
  });

  it('picks the native servers on this machine, which has no Docker engine', async () => {
    const env: Record<string, string | undefined> = { ...process.env, CRM_TEST_SERVERS: undefined };
    for (const key of ['DATABASE_URL', 'KAFKA_BROKERS', 'MONGODB_URL', 'EVENTSTORE_URL']) {
      env[key] = undefined;
    }
    expect(await planServers(env)).toEqual({ source: 'native', servers: allNative });
  });
});

describe('planServers: forced modes', () => {
  it('env: uses the environment only, EventStoreDB optional', async () => {
    expect(await planServers({ ...given, CRM_TEST_SERVERS: 'env' })).toEqual({ source: 'env' });
  });

  it('env: refuses an environment that lacks a required server', async () => {
    const env = { MONGODB_URL: given.MONGODB_URL, CRM_TEST_SERVERS: 'env' };
    await expect(planServers(env)).rejects.toMatchObject({
      code: 'SERVERS_NOT_GIVEN',
      missing: ['DATABASE_URL', 'KAFKA_BROKERS'],
    });
    await expect(planServers(env)).rejects.toBeInstanceOf(ServersNotGiven);
  });

  it('native: never asks Docker, even when it answers', async () => {
    const api = await docker('answers');
    const env = { CRM_TEST_SERVERS: 'native', DOCKER_HOST: api.dockerHost };
    expect(await planServers(env)).toEqual({ source: 'native', servers: allNative });
    expect(api.pings()).toBe(0);
  });

  it('containers: leaves finding Docker to testcontainers, without a ping', async () => {
    const api = await docker('fails');
    const env = { ...given, CRM_TEST_SERVERS: 'containers', DOCKER_HOST: api.dockerHost };
    expect(await planServers(env)).toEqual({ source: 'containers', engines: ['eventstore'] });
    expect(api.pings()).toBe(0);
  });

  it('an unknown mode is an error, not a guess', async () => {
    await expect(planServers({ CRM_TEST_SERVERS: 'podman' })).rejects.toMatchObject({
      code: 'INVALID_SERVERS_MODE',
    });
  });
});
