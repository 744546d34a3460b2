import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  runningNativeServers,
  startNativeServers,
  stopNativeServers,
  type NativeServer,
} from './native-servers.ts';

const all: NativeServer[] = ['postgres', 'kafka', 'ferretdb'];
let startedHere: NativeServer[] = [];

afterAll(async () => {
  // Usually the global setup started them and stops them; this covers runs given external URLs.
  if (startedHere.length > 0) await stopNativeServers(startedHere);
});

describe('native servers', () => {
  it('start once: a second start reuses the same processes and prints the same URLs', async () => {
    const before = await runningNativeServers();
    startedHere = all.filter((server) => before[server] === undefined);
    const first = await startNativeServers(all);
    const pids = await runningNativeServers();
    expect(Object.keys(pids).sort()).toEqual(['ferretdb', 'kafka', 'postgres']);

    expect(await startNativeServers(all)).toEqual(first);
    expect(await runningNativeServers()).toEqual(pids);
  });

  it('name servers on loopback only', async () => {
    const env = await startNativeServers(all);
    expect(Object.keys(env).sort()).toEqual(['DATABASE_URL', 'KAFKA_BROKERS', 'MONGODB_URL']);
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(env.KAFKA_BROKERS).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(env.MONGODB_URL).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

describe('infra/servers scripts in their own run dir', () => {
  const script = (name: string) =>
    fileURLToPath(new URL(`../../../infra/servers/${name}`, import.meta.url));
  const run = promisify(execFile);

  it('stop a server, can stop it twice, and report it stopped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-servers-'));
    // FerretDB keeps its data in PostgreSQL, which comes along on its own port in this run dir.
    const env = {
      ...process.env,
      CRM_SERVERS_DIR: dir,
      CRM_FERRETDB_PORT: '57117',
      CRM_PG_PORT: '55532',
    };
    try {
      const started = await run('bash', [script('start.sh'), 'ferretdb'], { env });
      expect(started.stdout).toBe(
        'DATABASE_URL=postgres://postgres:postgres@127.0.0.1:55532/postgres\n' +
          'MONGODB_URL=mongodb://127.0.0.1:57117/\n',
      );
      expect((await run('bash', [script('status.sh'), 'ferretdb'], { env })).stdout).toMatch(
        /^ferretdb running \d+\n$/,
      );

      await run('bash', [script('stop.sh'), 'ferretdb'], { env });
      await run('bash', [script('stop.sh'), 'ferretdb'], { env });
      await expect(run('bash', [script('status.sh'), 'ferretdb'], { env })).rejects.toMatchObject({
        code: 1,
        stdout: 'ferretdb stopped\n',
      });
    } finally {
      await run('bash', [script('stop.sh'), '--clean'], { env });
      await rm(dir, { recursive: true, force: true });
    }
  });
});
