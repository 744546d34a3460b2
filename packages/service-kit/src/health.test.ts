import { afterEach, describe, expect, it } from 'vitest';
import { buildSampleApp } from '../test/sample-app.ts';
import type { ServiceApp } from './app.ts';

let app: ServiceApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const ready = async (build: (app: ServiceApp) => void = () => {}) => {
  app = buildSampleApp({ readinessCheckTimeoutMs: 50 });
  build(app);
  await app.ready();
  return app;
};

describe('health', () => {
  it('is live', async () => {
    const response = await (await ready()).inject({ url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when every check passes', async () => {
    const service = await ready((a) => {
      a.readiness.add('store', () => true);
      a.readiness.add('bus', () => Promise.resolve(true));
    });
    const response = await service.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', checks: { store: 'ok', bus: 'ok' } });
  });

  it('answers 503 naming the checks that fail, throw or hang', async () => {
    const service = await ready((a) => {
      a.readiness.add('store', () => true);
      a.readiness.add('bus', () => false);
      a.readiness.add('mongo', () => Promise.reject(new Error('down')));
      a.readiness.add('kafka', () => new Promise<boolean>(() => {}));
    });
    const response = await service.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    const body = response.json<{ failed: string[]; checks: Record<string, string> }>();
    expect(body.failed.sort()).toEqual(['bus', 'kafka', 'mongo']);
    expect(body.checks).toMatchObject({ store: 'ok', kafka: 'timed_out' });
  });

  it('turns not ready once shutdown starts', async () => {
    const service = await ready();
    expect((await service.inject({ url: '/health/ready' })).statusCode).toBe(200);
    service.readiness.markShuttingDown();
    const response = await service.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ shuttingDown: true });
  });

  it('refuses two checks with one name', async () => {
    const service = await ready((a) => a.readiness.add('store', () => true));
    expect(() => service.readiness.add('store', () => true)).toThrow(/already/);
  });
});
