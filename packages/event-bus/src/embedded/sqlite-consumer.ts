// One consumer of a group: reads each subscribed topic from the group's committed offset, hands
// the messages over one at a time, commits once per batch read (and on stop), and sleeps until a
// publish wakes it. A commit is an fsync: one per message cost as much as the handler. A crash
// mid-batch redelivers what was handled since the last commit: at least once, as with Kafka.
import type { Consumer, ConsumerOptions, IncomingMessage } from '../event-bus.ts';
import { wakeSignal } from './wake-signal.ts';

/** What the consumer needs from the bus's storage. */
export interface ConsumerStorage {
  read(topic: string, fromOffset: number, limit: number): IncomingMessage[];
  committed(groupId: string, topic: string): number | null;
  commit(groupId: string, topic: string, nextOffset: number): void;
}

export interface RunningConsumer extends Consumer {
  topics: ReadonlySet<string>;
  /** Called by the bus after a publish to one of `topics`. */
  wake(): void;
}

const batchSize = 100;
const maxRetryDelayMs = 5_000;

export function startConsumer(
  storage: ConsumerStorage,
  options: ConsumerOptions,
  settings: { retryBackoffMs: number; turn: Promise<void> },
): RunningConsumer {
  const signal = wakeSignal();
  let stopping = false;
  let onStop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (onStop = resolve));
  const pause = (ms: number) =>
    Promise.race([new Promise<void>((resolve) => setTimeout(resolve, ms).unref()), stopped]);

  /** Hands one message over until the handler accepts it; false if stopped before that. */
  const deliver = async (message: IncomingMessage): Promise<boolean> => {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        await options.handle(message);
        return true;
      } catch {
        // Never skip: the consumer wrapper decides about dead letters; here we only try again.
        await pause(Math.min(settings.retryBackoffMs * 2 ** attempt, maxRetryDelayMs));
      }
    }
    return false;
  };

  const run = async (): Promise<void> => {
    await Promise.race([settings.turn, stopped]);
    while (!stopping) {
      let delivered = 0;
      try {
        for (const topic of options.topics) {
          const from = storage.committed(options.groupId, topic) ?? 0;
          let next = from;
          try {
            for (const message of storage.read(topic, from, batchSize)) {
              if (stopping || !(await deliver(message))) return;
              next = Number(message.offset) + 1;
              delivered++;
            }
          } finally {
            if (next > from) storage.commit(options.groupId, topic, next);
          }
        }
      } catch {
        // The storage failed (e.g. busy): nothing was committed, so wait and read again.
        await pause(settings.retryBackoffMs);
        continue;
      }
      if (delivered === 0) await signal.wait();
    }
  };
  const done = run();

  return {
    topics: new Set(options.topics),
    wake: () => signal.notify(),
    stop: async () => {
      stopping = true;
      onStop();
      signal.notify();
      await done;
    },
  };
}
