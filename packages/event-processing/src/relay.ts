// Publishes a service's own events from its log to its topic, from a durable checkpoint: never a
// second write in the request. The subscription keeps reading while a batch is on its way to the
// bus (one publish in flight, so batches stay in order); events that gathered meanwhile go out
// together as the next batch. The checkpoint is saved in the background, every
// `checkpointEveryEvents` events or `checkpointIntervalMs`, whichever comes first, and on stop.
// After a crash the relay resumes from it and publishes again what the bus had accepted since
// (at most about one interval's worth): consumers dedupe by event id.
import type { OutgoingMessage, EventBus } from '@crm/event-bus';
import type { AllFilter, EventStore, RecordedEvent, Subscription } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import { CheckpointCadence } from './checkpoint-cadence.ts';

export interface RelayOptions {
  name: string;
  eventStore: EventStore;
  bus: EventBus;
  /** Where the checkpoint is kept (the service's own read store). */
  checkpoints: Pick<DocumentStore, 'getCheckpoint' | 'setCheckpoint'>;
  topic: string;
  filter: AllFilter;
  /** Maps a recorded event to its message; null = not published (internal-only event). */
  toMessage: (event: RecordedEvent) => OutgoingMessage | null;
  /** A full batch goes out without waiting for the linger. Default 500. */
  batchSize?: number;
  /** The most events one publish carries when the relay is behind. Default 1,000 (kafkajs groups
   *  a batch by partition in quadratic time: larger batches cost more per event). */
  maxBatchSize?: number;
  /** How long a partial batch waits for more events while live. Default 5 ms. */
  lingerMs?: number;
  /** Save the checkpoint after this many published events... Default 10,000. */
  checkpointEveryEvents?: number;
  /** ...or once this long has passed since the last save. Default 1,000 ms. */
  checkpointIntervalMs?: number;
  logger?: { error(obj: object, msg: string): void };
}

export interface RelayStatus {
  /** The last position the bus has durably accepted (or that had nothing to publish). */
  position: number;
  /** The last position saved as the checkpoint: where a restart resumes. */
  checkpoint: number;
  published: number;
  state: 'starting' | 'running' | 'retrying' | 'stopped';
  error?: string;
}

interface Pending {
  message: OutgoingMessage | null;
  position: number;
}

export class Relay {
  readonly #options: RelayOptions;
  readonly #batchSize: number;
  readonly #maxBatchSize: number;
  readonly #cadence: CheckpointCadence;
  #subscription: Subscription | undefined;
  #pending: Pending[] = [];
  #sending: Promise<void> | undefined;
  #linger: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #failures = 0;
  #stopped = false;
  readonly status: RelayStatus = { position: 0, checkpoint: 0, published: 0, state: 'starting' };

  constructor(options: RelayOptions) {
    this.#options = options;
    this.#batchSize = options.batchSize ?? 500;
    this.#maxBatchSize = Math.max(this.#batchSize, options.maxBatchSize ?? 1_000);
    this.#cadence = new CheckpointCadence({
      everyEvents: options.checkpointEveryEvents ?? 10_000,
      intervalMs: options.checkpointIntervalMs ?? 1_000,
      save: (position) => options.checkpoints.setCheckpoint(`relay:${options.name}`, position),
      onSaved: (position) => (this.status.checkpoint = position),
      onError: (error) => this.#retry(error),
    });
  }

  async start(): Promise<void> {
    const { eventStore, checkpoints, name, filter } = this.#options;
    const saved = (await checkpoints.getCheckpoint(`relay:${name}`)) ?? 0;
    // After a failure in this process, what the bus accepted since the last save is not resent.
    const after = Math.max(saved, this.status.position);
    this.status.position = after;
    this.status.checkpoint = Math.max(this.status.checkpoint, saved);
    this.#cadence.reset(saved);
    this.status.state = 'running';
    this.#pending = [];
    this.#subscription = eventStore.subscribeToAll({
      after,
      filter,
      onEvent: async (event) => {
        if (this.status.state !== 'running') return;
        this.#pending.push({ message: this.#options.toMessage(event), position: event.position });
        if (this.#pending.length >= this.#batchSize) this.#send();
        else this.#linger ??= setTimeout(() => this.#send(), this.#options.lingerMs ?? 5);
        // Back-pressure: hold the subscription while a publish is out and the next batch is full.
        while (this.#pending.length >= this.#maxBatchSize && this.#sending) await this.#sending;
      },
      onCaughtUp: () => this.#send(),
      onError: (error) => this.#retry(error),
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    await this.#subscription?.stop();
    // What was read goes out, then the checkpoint is saved; a failure leaves it to the next start.
    while (this.status.state === 'running' && (this.#sending || this.#pending.length > 0)) {
      this.#send();
      await this.#sending;
    }
    clearTimeout(this.#linger);
    await this.#cadence.flush().catch(() => undefined);
    this.status.state = 'stopped';
  }

  /** Publishes what is pending unless a publish is out: its end starts the next one. */
  #send(): void {
    clearTimeout(this.#linger);
    this.#linger = undefined;
    if (this.#sending || this.#pending.length === 0 || this.status.state !== 'running') return;
    const batch = this.#pending.splice(0, this.#maxBatchSize);
    this.#sending = this.#publish(batch).finally(() => {
      this.#sending = undefined;
      // Whatever gathered during the publish has waited long enough: no linger for it.
      if (!this.#stopped) this.#send();
    });
  }

  async #publish(batch: Pending[]): Promise<void> {
    const messages = batch.flatMap(({ message }) => (message ? [message] : []));
    try {
      if (messages.length > 0) await this.#options.bus.publish(this.#options.topic, messages);
    } catch (error) {
      this.#retry(error);
      return;
    }
    const last = batch.at(-1)!.position;
    this.status.position = last;
    this.status.published += messages.length;
    this.#failures = 0;
    this.#cadence.moved(last, batch.length);
  }

  /** Drops what is pending and starts again from what the bus accepted, after a backoff. */
  #retry(error: unknown): void {
    if (this.status.state === 'retrying') return;
    this.status.state = 'retrying';
    this.status.error = error instanceof Error ? error.message : String(error);
    this.#pending = [];
    this.#cadence.cancel();
    // Stopped at once: while retrying it would read on with nothing to hold it back.
    const subscription = this.#subscription;
    this.#subscription = undefined;
    const stopped = subscription?.stop().catch(() => undefined);
    if (this.#stopped) {
      this.#options.logger?.error({ relay: this.#options.name, err: error }, 'relay failed');
      return;
    }
    this.#restartLater(error, stopped);
  }

  #restartLater(error: unknown, previous: Promise<void> | undefined): void {
    const delay = Math.min(30_000, 200 * 2 ** this.#failures++);
    this.#options.logger?.error(
      { relay: this.#options.name, err: error, retryInMs: delay },
      'relay failed',
    );
    this.#retryTimer = setTimeout(() => {
      void (async () => {
        await previous;
        await this.#sending;
        if (!this.#stopped) await this.start();
      })().catch((failure: unknown) => this.#restartLater(failure, undefined));
    }, delay);
  }
}
