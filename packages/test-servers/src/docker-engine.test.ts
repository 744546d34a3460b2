import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dockerEndpointCandidates,
  dockerHostUrl,
  findDockerEngine,
  parseDockerHost,
  pingDocker,
  type DockerEndpoint,
} from './docker-engine.ts';
import { startDockerApiStandIn, type DockerApiStandIn } from './fixtures/docker-api-stand-in.ts';

const standIns: DockerApiStandIn[] = [];
const standIn = async (behaviour: 'answers' | 'fails' | 'hangs') => {
  const api = await startDockerApiStandIn(behaviour);
  standIns.push(api);
  return api;
};
const unix = (socketPath: string): DockerEndpoint => ({ kind: 'unix', socketPath });

afterEach(async () => {
  await Promise.all(standIns.splice(0).map((api) => api.close()));
});

describe('dockerEndpointCandidates', () => {
  it('is DOCKER_HOST alone when it is set', () => {
    expect(dockerEndpointCandidates({ DOCKER_HOST: 'unix:///custom/docker.sock' })).toEqual([
      unix('/custom/docker.sock'),
    ]);
    expect(dockerEndpointCandidates({ DOCKER_HOST: 'tcp://10.0.0.5:2375' })).toEqual([
      { kind: 'tcp', host: '10.0.0.5', port: 2375, tls: false },
    ]);
  });

  it('uses TLS and port 2376 for tcp when DOCKER_TLS_VERIFY is set', () => {
    const env = { DOCKER_HOST: 'tcp://docker.internal', DOCKER_TLS_VERIFY: '1' };
    expect(dockerEndpointCandidates(env)).toEqual([
      { kind: 'tcp', host: 'docker.internal', port: 2376, tls: true },
    ]);
  });

  it.each(['ssh://me@build-box', 'npipe:////./pipe/docker_engine', 'not a url'])(
    'has no candidate for the DOCKER_HOST %j it cannot ping',
    (dockerHost) => {
      expect(dockerEndpointCandidates({ DOCKER_HOST: dockerHost })).toEqual([]);
    },
  );

  it("otherwise lists testcontainers' sockets in its order, each once", () => {
    const env = { XDG_RUNTIME_DIR: '/run/user/1000' };
    expect(dockerEndpointCandidates(env, '/home/ada', 1000)).toEqual([
      unix('/var/run/docker.sock'),
      unix('/run/user/1000/docker.sock'),
      unix('/home/ada/.docker/run/docker.sock'),
      unix('/home/ada/.docker/desktop/docker.sock'),
    ]);
  });
});

describe('parseDockerHost and dockerHostUrl', () => {
  it.each(['unix:///var/run/docker.sock', 'tcp://127.0.0.1:2375', 'tcp://[::1]:2375'])(
    'round-trip %s',
    (dockerHost) => {
      const endpoint = parseDockerHost(dockerHost);
      expect(endpoint).toBeDefined();
      expect(dockerHostUrl(endpoint!)).toBe(dockerHost);
    },
  );
});

describe('pingDocker', () => {
  it('is true when the engine answers GET /_ping with 200', async () => {
    const api = await standIn('answers');
    expect(await pingDocker(unix(api.socketPath), {})).toBe(true);
    expect(api.pings()).toBe(1);
  });

  it('is false when the engine answers with an error', async () => {
    const api = await standIn('fails');
    expect(await pingDocker(unix(api.socketPath), {})).toBe(false);
  });

  it('is false, within the timeout, when the engine never answers', async () => {
    const api = await standIn('hangs');
    const started = performance.now();
    expect(await pingDocker(unix(api.socketPath), {}, 300)).toBe(false);
    const elapsed = performance.now() - started;
    expect(api.pings()).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('is false when nothing listens on the socket path', async () => {
    expect(await pingDocker(unix(join(tmpdir(), 'no-such-dir', 'docker.sock')), {})).toBe(false);
  });

  it('reaches an engine over tcp', async () => {
    const server = createServer((_req, res) => res.end('OK'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const endpoint: DockerEndpoint = { kind: 'tcp', host: '127.0.0.1', port, tls: false };
      expect(await pingDocker(endpoint, {})).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('findDockerEngine', () => {
  it('is the first candidate, in order, whose engine answers', async () => {
    const [failing, first, second] = await Promise.all([
      standIn('fails'),
      standIn('answers'),
      standIn('answers'),
    ]);
    const missing = unix(join(tmpdir(), 'no-such-dir', 'docker.sock'));
    const candidates = [failing, first, second].map((api) => unix(api.socketPath));
    expect(await findDockerEngine({}, [missing, ...candidates])).toEqual(unix(first.socketPath));
  });

  it('does not try a path that is not a socket', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docker-api-'));
    try {
      const file = join(dir, 'docker.sock');
      await writeFile(file, 'not a socket');
      expect(await findDockerEngine({}, [unix(file)])).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives up after the timeout when the engine named by DOCKER_HOST hangs', async () => {
    const api = await standIn('hangs');
    const env = { DOCKER_HOST: api.dockerHost };
    const started = performance.now();
    expect(await findDockerEngine(env, undefined, 300)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('finds none on this machine: no DOCKER_HOST and no Docker socket (DESIGN.md)', async () => {
    expect(process.env.DOCKER_HOST).toBeUndefined();
    const started = performance.now();
    expect(await findDockerEngine(process.env)).toBeUndefined();
    // No socket exists, so nothing is pinged: the answer comes at once.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
