// Append-to-read-model lag: one client registers customers at a steady rate and, for each 201,
// times how long until GET /customers/{id}?waitForRevision=<its revision> answers 200. The
// server answers that GET the moment the projector reports the document written, so the
// figure is the lag plus one loopback GET, which `readRoundTrip` measures on its own.
import { performance } from 'node:perf_hooks';
import { percentile } from './percentile.ts';
import type { PhoneSequence } from './phone-sequence.ts';
import { register, type Call } from './platform-client.ts';

export interface ReadLagOptions {
  call: Call;
  nextPhone: PhoneSequence;
  ratePerSecond: number;
  seconds: number;
}

export interface ReadLagFigures {
  commands: number;
  achievedPerSecond: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  writeP50Ms: number;
  writeP99Ms: number;
  /** The customers registered, for the round-trip floor. */
  ids: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function readable(call: Call, id: string, revision: number): Promise<void> {
  const answer = await call('GET', `/customers/${id}?waitForRevision=${revision}`);
  if (answer.status !== 200) throw new Error(`GET /customers/${id} answered ${answer.status}`);
}

/** Open loop: command i leaves at start + i / rate whether or not earlier ones have answered. */
export async function measureReadLag(options: ReadLagOptions): Promise<ReadLagFigures> {
  const total = Math.round(options.ratePerSecond * options.seconds);
  const intervalMs = 1_000 / options.ratePerSecond;
  const lags: number[] = [];
  const writes: number[] = [];
  const ids: string[] = [];
  const one = async (): Promise<void> => {
    const sent = performance.now();
    const { id, revision } = await register(options.call, options.nextPhone);
    const acknowledged = performance.now();
    await readable(options.call, id, revision);
    lags.push(performance.now() - acknowledged);
    writes.push(acknowledged - sent);
    ids.push(id);
  };
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    await sleep(started + i * intervalMs - performance.now());
    pending.push(one());
  }
  const settled = await Promise.allSettled(pending);
  const elapsedSeconds = (performance.now() - started) / 1_000;
  const failed = settled.filter((result) => result.status === 'rejected');
  if (failed.length > 0) {
    throw new Error(`read lag: ${failed.length} of ${total} commands failed`, {
      cause: failed[0]?.reason,
    });
  }
  return {
    commands: total,
    achievedPerSecond: total / elapsedSeconds,
    lagP50Ms: percentile(lags, 50),
    lagP99Ms: percentile(lags, 99),
    lagMaxMs: Math.max(...lags),
    writeP50Ms: percentile(writes, 50),
    writeP99Ms: percentile(writes, 99),
    ids,
  };
}

/** The same GET on customers already readable: the part of the lag figure that is not lag. */
export async function readRoundTrip(
  call: Call,
  ids: readonly string[],
): Promise<{ p50Ms: number; p99Ms: number }> {
  const times: number[] = [];
  for (const id of ids) {
    const started = performance.now();
    await readable(call, id, 0);
    times.push(performance.now() - started);
  }
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
}

/** After a burst: registers one more customer and waits until it is readable (projections drained). */
export async function drainReadModels(
  call: Call,
  nextPhone: PhoneSequence,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  const { id, revision } = await register(call, nextPhone);
  for (;;) {
    const answer = await call('GET', `/customers/${id}?waitForRevision=${revision}`);
    if (answer.status === 200) return performance.now() - started;
    // 503 PROJECTION_BEHIND after the server's own 5 s wait: still catching up, ask again.
    if (answer.status !== 503 || performance.now() - started > timeoutMs) {
      throw new Error(`read models did not catch up within ${timeoutMs} ms (${answer.status})`);
    }
  }
}
