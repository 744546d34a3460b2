import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSampleApp } from '../test/sample-app.ts';
import type { ServiceApp } from './app.ts';
import { runUntilSignalled, type ShutdownLog } from './lifecycle.ts';

const log: ShutdownLog = { info: () => {}, error: () => {} };
const SIGNAL = 'SIGUSR2';

let app: ServiceApp | undefined;
let release = () => {};
afterEach(async () => {
  release();
  await app?.close();
  app = undefined;
  process.removeAllListeners(SIGNAL);
});

describe('runUntilSignalled', () => {
  it('lets an in-flight request finish, then runs the closers in order and exits 0', async () => {
    const events: string[] = [];
    const gate = new Promise<void>((resolve) => (release = resolve));
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    app = buildSampleApp();
    app.get('/slow', { config: { public: true } }, async () => {
      markStarted();
      await gate;
      return { done: true };
    });
    app.addHook('onClose', (_instance, done) => {
      events.push('http closed');
      done();
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });

    const exits: number[] = [];
    const running = runUntilSignalled({
      app,
      log,
      signals: [SIGNAL],
      exit: (code) => exits.push(code),
      closers: [
        () => void events.push('subscriptions stopped'),
        () => void events.push('stores closed'),
      ],
    });
    const inFlight = fetch(`${address}/slow`);
    await started;

    process.kill(process.pid, SIGNAL);
    await vi.waitFor(() => expect(app?.readiness.shuttingDown).toBe(true));
    expect((await app.readiness.report()).ready).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]); // still draining the slow request

    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });

    expect(await running).toBe(0);
    expect(exits).toEqual([0]);
    expect(events).toEqual(['http closed', 'subscriptions stopped', 'stores closed']);
    await expect(fetch(`${address}/health/live`)).rejects.toThrow();
  });

  it('exits 1 when shutdown takes longer than the timeout', async () => {
    app = buildSampleApp();
    await app.ready();
    const exits: number[] = [];
    const running = runUntilSignalled({
      app,
      log,
      signals: [SIGNAL],
      timeoutMs: 100,
      exit: (code) => exits.push(code),
      closers: [() => new Promise<void>(() => {})],
    });
    process.kill(process.pid, SIGNAL);
    expect(await running).toBe(1);
    expect(exits).toEqual([1]);
  });

  it('runs the later closers when one fails, and exits 1', async () => {
    app = buildSampleApp();
    await app.ready();
    const closed: string[] = [];
    const running = runUntilSignalled({
      app,
      log,
      signals: [SIGNAL],
      exit: () => {},
      closers: [
        () => Promise.reject(new Error('checkpoint not saved')),
        () => void closed.push('stores'),
      ],
    });
    process.kill(process.pid, SIGNAL);
    expect(await running).toBe(1);
    expect(closed).toEqual(['stores']);
  });
});
