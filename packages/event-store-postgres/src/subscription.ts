// A catch-up subscription: read up to the head in batches, hand events over one at a time, then
// sleep until woken (a local commit, a NOTIFY, or the poll). Every position up to a head that is
// visible is already visible too (positions follow commit order), so reading up to it never skips.
import type { RecordedEvent, SubscribeToAllOptions, Subscription } from '@crm/event-store';
import type { ReadRange } from './reads.ts';

export interface SubscriptionSource {
  head(): Promise<number>;
  read(range: ReadRange): Promise<RecordedEvent[]>;
}

const BATCH_SIZE = 500;

export class PostgresSubscription implements Subscription {
  readonly #source: SubscriptionSource;
  readonly #options: SubscribeToAllOptions;
  #position: number;
  #stopped = false;
  /** A wake-up arrived while we were reading: look again before sleeping. */
  #woken = false;
  #wake: (() => void) | undefined;
  /** Settles (never rejects) when delivery has ended: stopped or failed. */
  readonly done: Promise<void>;

  constructor(source: SubscriptionSource, options: SubscribeToAllOptions) {
    this.#source = source;
    this.#options = options;
    this.#position = options.after;
    this.done = this.#run();
  }

  /** Something may have been committed: look again (now if asleep, else before sleeping). */
  notify(): void {
    this.#woken = true;
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
        this.#woken = false;
        const head = await this.#source.head();
        if (this.#stopped) break;
        if (this.#position < head) {
          await this.#deliverUpTo(head);
          continue;
        }
        if (reported !== this.#position) {
          reported = this.#position;
          this.#options.onCaughtUp?.(this.#position);
          continue; // onCaughtUp may have stopped us
        }
        if (this.#woken) continue;
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    } catch (error) {
      this.#stopped = true;
      this.#options.onError?.(error);
    }
  }

  async #deliverUpTo(head: number): Promise<void> {
    const events = await this.#source.read({
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
