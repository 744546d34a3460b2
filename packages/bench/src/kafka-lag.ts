// Append -> Kafka -> consumer lag: registrations sent open loop at a steady rate; a consumer in
// this process on the service's topic takes, for each message, now - ce_time (when the event was
// recorded in the log). Both clocks are this machine's.
import { performance } from 'node:perf_hooks';
import type { Consumer, ConsumerOptions, EventBus } from '@crm/event-bus';
import { percentile } from './percentile.ts';
import type { PhoneSequence } from './phone-sequence.ts';
import { register, type Call } from './platform-client.ts';

export interface KafkaLagFigures {
  targetPerSecond: number;
  commands: number;
  /** Commands that failed or timed out (an overloaded service): not in the lag figures. */
  failed: number;
  /** Acknowledgements per second, from the first to the last. */
  achievedPerSecond: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** The two halves of the lag: log -> the relay's produce (Kafka CreateTime), then -> consumer. */
  toProduceP99Ms: number;
  produceToConsumerP99Ms: number;
  writeP50Ms: number;
  writeP99Ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * Open loop: command i leaves at start + i / rate, whether or not earlier ones have answered.
 * Answers the rate of acknowledgements, first to last (the rate sent when the service kept up),
 * and how many failed; throws only when none was acknowledged.
 */
async function sendAtRate(
  total: number,
  ratePerSecond: number,
  send: () => Promise<void>,
): Promise<{ achievedPerSecond: number; failed: number }> {
  const intervalMs = 1_000 / ratePerSecond;
  const started = performance.now();
  const pending: Promise<number>[] = [];
  const acknowledged = async (): Promise<number> => {
    await send();
    return performance.now();
  };
  while (pending.length < total) {
    // Late (a GC pause, a busy loop): send every command that is due at once, then wait again.
    const due = Math.min(total, Math.floor((performance.now() - started) / intervalMs) + 1);
    while (pending.length < due) {
      const answer = acknowledged();
      // Settled below, all at once: a failure meanwhile must not end the process unreported.
      answer.catch(() => undefined);
      pending.push(answer);
    }
    await sleep(started + pending.length * intervalMs - performance.now());
  }
  const settled = await Promise.allSettled(pending);
  const times = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = total - times.length;
  if (times.length < 2) {
    const rejected = settled.find((result) => result.status === 'rejected');
    throw new Error(`${failed} of ${total} commands failed`, {
      cause: rejected?.reason as unknown,
    });
  }
  const seconds = (Math.max(...times) - Math.min(...times)) / 1_000;
  return { achievedPerSecond: (times.length - 1) / seconds, failed };
}

/**
 * A broker that has just (re)started answers "coordinator loading" for a few seconds, and the
 * adapter's from-'latest' start gives up on that at once; it is retriable, so try again.
 */
export async function subscribeRetrying(
  bus: EventBus,
  options: ConsumerOptions,
): Promise<Consumer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await bus.subscribe(options);
    } catch (error) {
      const retriable = (error as { retriable?: unknown } | null)?.retriable === true;
      if (!retriable || attempt >= 10) throw error;
      await sleep(2_000);
    }
  }
}

export async function measureKafkaLag(options: {
  bus: EventBus;
  topic: string;
  groupId: string;
  call: Call;
  nextPhone: PhoneSequence;
  ratePerSecond: number;
  seconds: number;
}): Promise<KafkaLagFigures> {
  const lagBySubject = new Map<string, { lag: number; toProduce: number }>();
  const consumer = await subscribeRetrying(options.bus, {
    groupId: options.groupId,
    topics: [options.topic],
    from: 'latest',
    handle: (message) => {
      const subject = message.headers.ce_subject;
      const recorded = Date.parse(message.headers.ce_time ?? '');
      // At least once: a redelivered message keeps the lag of its first delivery.
      if (subject !== undefined && !lagBySubject.has(subject)) {
        const lag = Date.now() - recorded;
        lagBySubject.set(subject, { lag, toProduce: Date.parse(message.timestamp) - recorded });
      }
      return Promise.resolve();
    },
  });
  try {
    // The consumer has joined its group and the relay has drained earlier load once this is seen.
    const probe = await register(options.call, options.nextPhone);
    await until(() => lagBySubject.has(probe.id), 120_000, 'the probe on the topic');

    const ids: string[] = [];
    const writes: number[] = [];
    const total = Math.round(options.ratePerSecond * options.seconds);
    const { achievedPerSecond, failed } = await sendAtRate(
      total,
      options.ratePerSecond,
      async () => {
        const sent = performance.now();
        const { id } = await register(options.call, options.nextPhone);
        writes.push(performance.now() - sent);
        ids.push(id);
      },
    );
    await until(() => ids.every((id) => lagBySubject.has(id)), 120_000, 'every event on the topic');
    const seen = ids.map((id) => lagBySubject.get(id)!);
    const lags = seen.map((one) => one.lag);
    return {
      targetPerSecond: options.ratePerSecond,
      commands: total,
      failed,
      achievedPerSecond,
      lagP50Ms: percentile(lags, 50),
      lagP99Ms: percentile(lags, 99),
      lagMaxMs: Math.max(...lags),
      toProduceP99Ms: percentile(
        seen.map((one) => one.toProduce),
        99,
      ),
      produceToConsumerP99Ms: percentile(
        seen.map((one) => one.lag - one.toProduce),
        99,
      ),
      writeP50Ms: percentile(writes, 50),
      writeP99Ms: percentile(writes, 99),
    };
  } finally {
    await consumer.stop();
  }
}
