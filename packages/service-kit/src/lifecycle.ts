// Graceful shutdown: stop taking traffic, let in-flight requests finish, then close what the
// process opened in order (subscriptions save their checkpoints before the stores close).
import type { FastifyInstance } from 'fastify';

export type Closer = () => Promise<void> | void;

export interface ShutdownLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RunUntilSignalledOptions {
  app: FastifyInstance;
  log: ShutdownLog;
  /** Run in order after the HTTP server has drained. */
  closers?: readonly Closer[];
  /** Longer than this and the process exits 1 anyway. Default 10 s. */
  timeoutMs?: number;
  signals?: readonly NodeJS.Signals[];
  /** Wait this long after turning not-ready before closing, so load balancers notice. Default 0. */
  unreadyDelayMs?: number;
  /** How the process ends; tests pass their own. Default process.exit. */
  exit?: (code: number) => void;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Closes the app, then each closer in order; resolves with the exit code (0 = all went well). */
export const shutdown = async (
  options: Pick<RunUntilSignalledOptions, 'app' | 'log' | 'closers' | 'unreadyDelayMs'>,
): Promise<number> => {
  const { app, log, closers = [], unreadyDelayMs = 0 } = options;
  let code = 0;
  app.readiness.markShuttingDown();
  if (unreadyDelayMs > 0) await delay(unreadyDelayMs);
  try {
    await app.close();
  } catch (error) {
    code = 1;
    log.error({ err: error }, 'closing the HTTP server failed');
  }
  for (const [index, close] of closers.entries()) {
    try {
      await close();
    } catch (error) {
      // One failed closer must not keep the later ones (e.g. the stores) from closing.
      code = 1;
      log.error({ err: error, closer: index }, 'a closer failed');
    }
  }
  return code;
};

/**
 * Waits for the first of the signals, shuts down, then calls exit(0), or exit(1) when something
 * failed or it took longer than timeoutMs. A second signal exits 1 at once. Resolves with the code.
 */
export const runUntilSignalled = (options: RunUntilSignalledOptions): Promise<number> => {
  const {
    log,
    timeoutMs = 10_000,
    signals = ['SIGTERM', 'SIGINT'],
    exit = (code: number) => process.exit(code),
  } = options;
  return new Promise<number>((resolve) => {
    let started = false;
    let finished = false;
    const finish = (code: number): void => {
      if (finished) return;
      finished = true;
      for (const signal of signals) process.off(signal, onSignal);
      exit(code);
      resolve(code);
    };
    const onSignal = (signal: NodeJS.Signals): void => {
      if (started) {
        log.error({ signal }, 'second signal during shutdown: exiting now');
        finish(1);
        return;
      }
      started = true;
      log.info({ signal, timeoutMs }, 'shutting down');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<number>((settle) => {
        timer = setTimeout(() => {
          log.error({ timeoutMs }, 'shutdown took too long: exiting');
          settle(1);
        }, timeoutMs);
      });
      void Promise.race([shutdown(options), timedOut]).then((code) => {
        clearTimeout(timer);
        if (code === 0) log.info({}, 'shut down cleanly');
        finish(code);
      });
    };
    for (const signal of signals) process.on(signal, onSignal);
  });
};
