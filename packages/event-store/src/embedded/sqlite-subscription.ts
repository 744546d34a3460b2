// A catch-up subscription: read up to the head in batches, hand events over one at a time, then
// sleep until the store says something was committed. Positions are assigned under SQLite's write
// lock and committed in order, so reading up to the head seen just before can never skip an event.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RecordedEvent, SubscribeToAllOptions, Subscription } from '../event-store.ts';
import type { ReadRange } from './sqlite-reads.ts';

export interface SubscriptionSource {
  head(): number;
  read(range: ReadRange): RecordedEvent[];
}

const BATCH_SIZE = 500;

export class SqliteSubscription implements Subscription {
  readonly #source: SubscriptionSource;
  readonly #options: SubscribeToAllOptions;
  #position: number;
  #stopped = false;
  #wake: (() => void) | undefined;
  /** Settles (never rejects) when delivery has ended: stopped or failed. */
  readonly done: Promise<void>;

  constructor(source: SubscriptionSource, options: SubscribeToAllOptions) {
    this.#source = source;
    this.#options = options;
    this.#position = options.after;
    this.done = this.#run();
  }

  /** Something was committed: look again if asleep (a no-op while delivering). */
  notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  stop(): Promise<void> {
    this.#stopped = true;
    this.notify();
    return this.done;
  }

  async #run(): Promise<void> {
    // Never deliver inside subscribeToAll(): the caller gets its Subscription first.
    await Promise.resolve();
    let reported: number | undefined;
    try {
      while (!this.#stopped) {
        const head = this.#source.head();
        if (this.#position < head) {
          await this.#deliverUpTo(head);
          // Let appends and I/O in between batches: handlers that resolve at once would starve them.
          await nextTurn();
          continue;
        }
        if (reported !== this.#position) {
          reported = this.#position;
          this.#options.onCaughtUp?.(this.#position);
          continue; // onCaughtUp may have stopped us
        }
        // No await between reading the head and sleeping, so no notify can fall in between.
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    } catch (error) {
      this.#stopped = true;
      this.#options.onError?.(error);
    }
  }

  async #deliverUpTo(head: number): Promise<void> {
    const events = this.#source.read({
      after: this.#position,
      upTo: head,
      maxCount: BATCH_SIZE,
      categories: this.#options.filter?.categories,
    });
    for (const event of events) {
      if (this.#stopped) return;
      await this.#options.onEvent(event);
      this.#position = event.position;
    }
    // A short batch holds every matching event up to the head: skip past the filtered-out rest.
    if (events.length < BATCH_SIZE && !this.#stopped) this.#position = head;
  }
}
