// One run of one projection: a subscription from a checkpoint into its read models, one event at a
// time (`handle`) or in batches (`handleBatch`). It reports a position only once every event up to
// it is written, so a checkpoint saved from those reports never passes an unwritten event. After a
// failed batch it writes nothing more: a later write would outrun the version guards of the
// events lost with it. The projector restarts it from the durable checkpoint.
//
// Until the subscription first catches up, batches go into a catch-up window (projector-window.ts)
// when one is given: written to the store once per window, and reported only once it is flushed.
// Once caught up (live), every batch is written and reported on its own, as small as it comes.
import type { EventStore, RecordedEvent, Subscription } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import type { Projection } from './projection.ts';
import { CatchUpWindow, type CatchUpWindowOptions } from './projector-window.ts';

export interface ProjectionFeedOptions {
  eventStore: EventStore;
  documents: DocumentStore;
  projection: Projection;
  /** Exclusive: the durable checkpoint. */
  after: number;
  /** A full buffer is written at once, and holds the subscription until it is (back-pressure). */
  batchSize: number;
  /** How long a partial batch waits for more events before it is written. */
  lingerMs: number;
  /** Fold batches in memory until caught up (only with `handleBatch`); absent: write each batch. */
  window?: CatchUpWindowOptions & { fresh: boolean };
  /** Every event up to `position` is written; `count` events were written since the last call. */
  onWritten: (position: number, count: number) => Promise<void> | void;
  /** Everything in the store up to `position` is written (repeats; positions only grow). */
  onCaughtUp: (position: number) => void;
  /** Called once when the feed dies (unless it was being stopped: then `stop` rejects). */
  onFailed: (error: unknown) => void;
}

export class ProjectionFeed {
  readonly #options: ProjectionFeedOptions;
  readonly #subscription: Subscription;
  #buffer: RecordedEvent[] = [];
  #flushing: Promise<void> | undefined;
  #linger: NodeJS.Timeout | undefined;
  #failure: { error: unknown } | undefined;
  #stopping = false;
  #closed = false;
  /** Present until the subscription first catches up (or the feed stops). */
  #window: CatchUpWindow | undefined;
  #catchingUp = true;

  constructor(options: ProjectionFeedOptions) {
    this.#options = options;
    const { projection, documents } = options;
    const handleBatch = projection.handleBatch;
    if (handleBatch && options.window) this.#window = new CatchUpWindow(documents, options.window);
    this.#subscription = options.eventStore.subscribeToAll({
      after: options.after,
      filter: { categories: projection.categories },
      onEvent: handleBatch
        ? (event) => this.#push(event)
        : async (event) => {
            await projection.handle(event, documents);
            await this.#report(event.position, 1);
          },
      onCaughtUp: (position) => {
        this.#catchingUp = false; // the drain below closes the window before anything else
        const report = () => {
          if (!this.#closed && !this.#failure) options.onCaughtUp(position);
        };
        this.#flush().then(report, () => undefined); // a failure is reported by #fail
      },
      onError: (error) => this.#fail(error),
    });
  }

  /** Stops delivery, writes what is buffered, and reports nothing after it resolves. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#catchingUp = false;
    try {
      await this.#subscription.stop();
      if (!this.#failure) await this.#flush();
      if (this.#failure) throw this.#failure.error;
    } finally {
      clearTimeout(this.#linger);
      this.#closed = true;
    }
  }

  async #push(event: RecordedEvent): Promise<void> {
    if (this.#failure) throw this.#failure.error;
    this.#buffer.push(event);
    if (this.#buffer.length >= this.#options.batchSize) return this.#flush();
    this.#linger ??= setTimeout(
      () => void this.#flush().catch(() => undefined),
      this.#options.lingerMs,
    );
  }

  /** Resolves once everything buffered before the call is written; rejects if a batch failed. */
  #flush(): Promise<void> {
    clearTimeout(this.#linger);
    this.#linger = undefined;
    this.#flushing ??= this.#drain();
    return this.#flushing;
  }

  async #drain(): Promise<void> {
    await Promise.resolve(); // so that #flush() has stored this drain before it can end
    const { projection, documents, batchSize } = this.#options;
    try {
      while (!this.#failure) {
        const window = this.#window;
        if (this.#buffer.length === 0) {
          if (!window || this.#catchingUp) break;
          this.#window = undefined; // live from now on: each batch is written on its own
          await this.#closeWindow(window);
          continue;
        }
        const batch = this.#buffer.slice(0, batchSize);
        try {
          await projection.handleBatch!(batch, window?.store ?? documents);
          this.#buffer.splice(0, batch.length);
          const last = batch.at(-1)!.position;
          if (!window) await this.#report(last, batch.length);
          else if (window.handled(batch.length, last)) await this.#closeWindow(window);
        } catch (error) {
          this.#fail(error);
        }
      }
      if (this.#failure) throw this.#failure.error;
    } finally {
      // In the same turn as the last look at the buffer: an event pushed later starts a new drain.
      this.#flushing = undefined;
    }
  }

  async #closeWindow(window: CatchUpWindow): Promise<void> {
    try {
      const { events, position } = await window.close();
      if (events > 0) await this.#report(position, events);
    } catch (error) {
      this.#fail(error);
    }
  }

  async #report(position: number, count: number): Promise<void> {
    if (!this.#closed) await this.#options.onWritten(position, count);
  }

  #fail(error: unknown): void {
    if (this.#failure) return;
    this.#failure = { error };
    this.#buffer = [];
    this.#window = undefined; // its unflushed writes are replayed from the checkpoint
    clearTimeout(this.#linger);
    // Handler failures stop the subscription themselves; this covers batches written from a timer.
    void this.#subscription.stop().catch(() => undefined);
    if (!this.#stopping && !this.#closed) this.#options.onFailed(error);
  }
}
