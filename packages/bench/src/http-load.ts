// Closed-loop HTTP load with autocannon: a warm-up run whose figures are kept apart, then the
// measured run. Both are bounded: autocannon stops itself, and a deadline stops autocannon.
import autocannon, { type Request, type Result } from 'autocannon';
import { percentile } from './percentile.ts';

export interface HttpLoadOptions {
  url: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** The request every connection sends in a loop (built afresh each time when it has setupRequest). */
  request?: Request;
}

export interface HttpLoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

const REQUEST_TIMEOUT_SECONDS = 10;

interface Run {
  result: Result;
  /** 2xx latencies in ms: autocannon's own histogram keeps whole milliseconds only. */
  latencies: number[];
}

async function run(options: HttpLoadOptions, seconds: number): Promise<Run> {
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    ...(options.request ? { requests: [options.request] } : {}),
  });
  const latencies: number[] = [];
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  // autocannon ends on its own after `duration`; this only guards against it hanging.
  const guard = setTimeout(() => instance.stop(), (seconds + REQUEST_TIMEOUT_SECONDS + 5) * 1_000);
  try {
    return { result: await instance, latencies };
  } finally {
    clearTimeout(guard);
  }
}

const figuresOf = ({ result, latencies }: Run): HttpLoadFigures => ({
  requestsPerSecond: result.requests.average,
  p50Ms: percentile(latencies, 50),
  p99Ms: percentile(latencies, 99),
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes: Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  ),
});

export async function measureHttpLoad(
  options: HttpLoadOptions,
): Promise<{ warmup: HttpLoadFigures; measured: HttpLoadFigures }> {
  const warmup = figuresOf(await run(options, options.warmupSeconds));
  const measured = figuresOf(await run(options, options.seconds));
  return { warmup, measured };
}

/** Throws when any request of either run failed: figures with failures in them mean nothing. */
export function assertAllSucceeded(
  what: string,
  runs: { warmup: HttpLoadFigures; measured: HttpLoadFigures },
): void {
  for (const [name, figures] of Object.entries(runs)) {
    if (figures.non2xx > 0 || figures.errors > 0 || figures.timeouts > 0) {
      throw new Error(
        `${what} (${name}): ${figures.non2xx} non-2xx, ${figures.errors} errors, ` +
          `${figures.timeouts} timeouts; status codes ${JSON.stringify(figures.statusCodes)}`,
      );
    }
  }
}
