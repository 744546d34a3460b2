// Publishes a service's own events from its log to its topic, from a durable checkpoint: never a
// second write in the request. Events are buffered and published in batches; the checkpoint moves
// only after the bus has durably accepted a batch. After a crash the relay resumes from the
// checkpoint and may publish a few events again: consumers dedupe by event id.
import type { OutgoingMessage, EventBus } from '@crm/event-bus';
import type { AllFilter, EventStore, RecordedEvent, Subscription } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';

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
  batchSize?: number;
  /** How long a partial batch waits for more events while live. */
  lingerMs?: number;
  logger?: { error(obj: object, msg: string): void };
}

export interface RelayStatus {
  position: number;
  published: number;
  state: 'starting' | 'running' | 'retrying' | 'stopped';
  error?: string;
}

export class Relay {
  readonly #options: RelayOptions;
  readonly #batchSize: number;
  #subscription: Subscription | undefined;
  #buffer: { message: OutgoingMessage | null; position: number }[] = [];
  #flushing: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #failures = 0;
  #stopped = false;
  readonly status: RelayStatus = { position: 0, published: 0, state: 'starting' };

  constructor(options: RelayOptions) {
    this.#options = options;
    this.#batchSize = options.batchSize ?? 500;
  }

  async start(): Promise<void> {
    const { eventStore, checkpoints, name, filter } = this.#options;
    const after = (await checkpoints.getCheckpoint(`relay:${name}`)) ?? 0;
    this.status.position = after;
    this.status.state = 'running';
    this.#buffer = [];
    this.#subscription = eventStore.subscribeToAll({
      after,
      filter,
      onEvent: async (event) => {
        this.#buffer.push({ message: this.#options.toMessage(event), position: event.position });
        // Back-pressure: hold the subscription while a full batch is being published.
        if (this.#buffer.length >= this.#batchSize) await this.#flush();
        else this.#timer ??= setTimeout(() => void this.#flush(), this.#options.lingerMs ?? 5);
      },
      onCaughtUp: () => void this.#flush(),
      onError: (error) => this.#retry(error),
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    await this.#subscription?.stop();
    await this.#flush().catch(() => undefined);
    this.status.state = 'stopped';
  }

  #flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#flushing ??= this.#publish().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  async #publish(): Promise<void> {
    while (this.#buffer.length > 0) {
      const batch = this.#buffer.slice(0, this.#batchSize);
      const messages = batch.flatMap(({ message }) => (message ? [message] : []));
      try {
        if (messages.length > 0) await this.#options.bus.publish(this.#options.topic, messages);
        const last = batch.at(-1)!.position;
        await this.#options.checkpoints.setCheckpoint(`relay:${this.#options.name}`, last);
        this.#buffer.splice(0, batch.length);
        this.status.position = last;
        this.status.published += messages.length;
        this.#failures = 0;
      } catch (error) {
        this.#retry(error);
        return;
      }
    }
  }

  /** Drops what is buffered and starts again from the durable checkpoint, after a backoff. */
  #retry(error: unknown): void {
    if (this.#stopped || this.status.state === 'retrying') return;
    this.status.state = 'retrying';
    this.status.error = error instanceof Error ? error.message : String(error);
    const delay = Math.min(30_000, 200 * 2 ** this.#failures++);
    this.#options.logger?.error(
      { relay: this.#options.name, err: error, retryInMs: delay },
      'relay failed',
    );
    const subscription = this.#subscription;
    this.#subscription = undefined;
    this.#retryTimer = setTimeout(() => {
      void (async () => {
        await subscription?.stop().catch(() => undefined);
        if (!this.#stopped) await this.start();
      })();
    }, delay);
  }
}
