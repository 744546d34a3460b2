import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningNativeServers, startNativeServers, stopNativeServers } from './native-servers.ts';
import { startServers } from './start-servers.ts';

// The path taken on machines without Docker, in a run dir and on a port of its own: the servers
// every test shares are never touched. The scripts inherit process.env (this file's own process).
const port = '55632';
let dir = '';
const saved = { dir: process.env.CRM_SERVERS_DIR, port: process.env.CRM_PG_PORT };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crm-servers-'));
  process.env.CRM_SERVERS_DIR = dir;
  process.env.CRM_PG_PORT = port;
});

afterAll(async () => {
  try {
    await stopNativeServers(['postgres']);
  } finally {
    await rm(dir, { recursive: true, force: true });
    for (const [key, value] of [
      ['CRM_SERVERS_DIR', saved.dir],
      ['CRM_PG_PORT', saved.port],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});

describe('startServers with a native plan', () => {
  it('names the server it started, and stopping stops it', async () => {
    const started = await startServers({ source: 'native', servers: ['postgres'] }, process.env);
    expect(started.env).toEqual({
      DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    });
    expect(Object.keys(await runningNativeServers())).toEqual(['postgres']);

    await started.stop();
    expect(await runningNativeServers()).toEqual({});
  });

  it('leaves running a server that was up before it started', async () => {
    await startNativeServers(['postgres']);
    const before = await runningNativeServers();
    expect(Object.keys(before)).toEqual(['postgres']);

    const started = await startServers({ source: 'native', servers: ['postgres'] }, process.env);
    await started.stop();
    expect(await runningNativeServers()).toEqual(before);
  });
});
