// serveService on embedded adapters in a temp folder: it listens, answers the service's routes and
// health, and on the signal stops the service and closes the adapters, exiting 0.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authConfigFields, logLevel, parseConfig, port, type ServiceApp } from '@crm/service-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adapterConfigFields } from './adapter-config.ts';
import { serveService } from './serve-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'serve-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema = z.object({
  PORT: port.default(0),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: logLevel.default('silent'),
  ...adapterConfigFields({
    dataDir: dir,
    eventStoreSchema: 'crm_test',
    kafkaClientId: 'crm-test',
    mongodbDatabase: 'crm_test',
  }),
  ...authConfigFields,
});

describe('serveService', () => {
  it('serves the service on embedded adapters until the signal, then shuts down cleanly', async () => {
    const config = parseConfig(schema, {
      CRM_JWT_SECRET: 'serve-service-test-secret-32-characters',
    });
    const steps: string[] = [];
    const exits: number[] = [];
    let scope: ServiceApp | undefined;
    const served = serveService({
      name: 'test',
      config,
      secretKeys: ['CRM_JWT_SECRET'],
      lifecycle: { signals: ['SIGUSR2'], exit: (code) => exits.push(code) },
      create: (ports) => {
        steps.push(`create ${typeof ports.eventStore.readStream}`);
        return {
          routes: (app) => {
            scope = app;
            app.get('/ping', { config: { public: true } }, () => ({ pong: true }));
          },
          start: () => Promise.resolve(void steps.push('start')),
          stop: () => Promise.resolve(void steps.push('stop')),
        };
      },
    });
    let address: unknown;
    for (let i = 0; i < 200 && !address; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      address = scope?.server.listening === true ? scope.server.address() : undefined;
    }
    const { port: listening } = address as { port: number };
    const ping = await fetch(`http://127.0.0.1:${listening}/ping`);
    expect(await ping.json()).toEqual({ pong: true });
    const ready = await fetch(`http://127.0.0.1:${listening}/health/ready`);
    expect(ready.status).toBe(200);

    process.emit('SIGUSR2', 'SIGUSR2');
    expect(await served).toBe(0);
    expect(exits).toEqual([0]);
    expect(steps).toEqual(['create function', 'start', 'stop']);
    expect(readdirSync(dir).sort()).toEqual(['bus.sqlite', 'events.sqlite', 'read-models.sqlite']);
  });
});
