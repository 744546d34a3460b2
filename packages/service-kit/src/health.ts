// Liveness says the process answers; readiness says it should get traffic (Kubernetes probes).
import type { FastifyInstance } from 'fastify';

export type ReadinessCheck = () => Promise<boolean> | boolean;

export type CheckOutcome = 'ok' | 'failed' | 'timed_out';

export interface ReadinessReport {
  ready: boolean;
  shuttingDown: boolean;
  checks: Record<string, CheckOutcome>;
}

export interface Readiness {
  /** Adds a named check; a check that throws, answers false or hangs counts as failed. */
  add(name: string, check: ReadinessCheck): void;
  /** From now on the process reports not ready (set when shutdown starts). */
  markShuttingDown(): void;
  readonly shuttingDown: boolean;
  report(): Promise<ReadinessReport>;
}

const outcomeOf = async (check: ReadinessCheck, timeoutMs: number): Promise<CheckOutcome> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timed_out'), timeoutMs);
  });
  const run = (async (): Promise<CheckOutcome> => ((await check()) ? 'ok' : 'failed'))().catch(
    (): CheckOutcome => 'failed',
  );
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

export const createReadiness = (checkTimeoutMs = 2000): Readiness => {
  const checks = new Map<string, ReadinessCheck>();
  let shuttingDown = false;
  return {
    add(name, check) {
      if (checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
      checks.set(name, check);
    },
    markShuttingDown() {
      shuttingDown = true;
    },
    get shuttingDown() {
      return shuttingDown;
    },
    async report() {
      const entries = await Promise.all(
        [...checks].map(
          async ([name, check]) => [name, await outcomeOf(check, checkTimeoutMs)] as const,
        ),
      );
      const results = Object.fromEntries(entries);
      const allOk = entries.every(([, outcome]) => outcome === 'ok');
      return { ready: allOk && !shuttingDown, shuttingDown, checks: results };
    },
  };
};

export const registerHealthRoutes = (app: FastifyInstance): void => {
  const config = { public: true };
  const schema = { tags: ['health'] };
  app.get('/health/live', { config, schema }, () => ({ status: 'ok' }));
  app.get('/health/ready', { config, schema }, async (_request, reply) => {
    const report = await app.readiness.report();
    return reply.code(report.ready ? 200 : 503).send({
      status: report.ready ? 'ok' : 'unavailable',
      shuttingDown: report.shuttingDown,
      checks: report.checks,
      failed: Object.keys(report.checks).filter((name) => report.checks[name] !== 'ok'),
    });
  });
};
