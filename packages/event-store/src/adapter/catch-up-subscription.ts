// The subscription loop every adapter shares: read up to the head in batches, hand events over one
// at a time, then sleep until the adapter says something may have been committed (notify(): its
// own commits at once, other processes' by whatever it listens to or polls). A source's head is a
// position up to which every event is visible (positions follow commit order), so reading up to a
// head once seen can never skip an event. Per wake-up: one head query, then reads.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RecordedEvent, SubscribeToAllOptions, Subscription } from '../event-store.ts';

export interface CatchUpRange {
  /** Exclusive. */
  after: number;
  /** Inclusive: never past a head the source answered. */
  upTo: number;
  maxCount: number;
  /** undefined: every category. */
  categories: readonly string[] | undefined;
}

/** Synchronous (an embedded engine) or not (a server). */
export interface CatchUpSource {
  /** The position up to which every committed event is visible. */
  head(): number | Promise<number>;
  /** Events with after < position <= upTo, in position order, at most maxCount. */
  read(range: CatchUpRange): RecordedEvent[] | Promise<RecordedEvent[]>;
}

const DEFAULT_BATCH_SIZE = 500;
/**
 * A read never spans more positions than this many batches: whatever plan the engine picks (a
 * PostgreSQL table not yet analysed sorts every row in range, then keeps 500), a read stays small.
 */
const WINDOW_BATCHES = 4;

export class CatchUpSubscription implements Subscription {
  readonly #source: CatchUpSource;
  readonly #options: SubscribeToAllOptions;
  readonly #batchSize: number;
  readonly #window: number;
  #position: number;
  #stopped = false;
  /** A wake-up arrived while we were reading: look again before sleeping. */
  #woken = false;
  #wake: (() => void) | undefined;
  /** Settles (never rejects) when delivery has ended: stopped or failed. */
  readonly done: Promise<void>;

  constructor(source: CatchUpSource, options: SubscribeToAllOptions, batchSize?: number) {
    this.#source = source;
    this.#options = options;
    this.#batchSize = batchSize ?? DEFAULT_BATCH_SIZE;
    this.#window = this.#batchSize * WINDOW_BATCHES;
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
    let head = 0;
    try {
      while (!this.#stopped) {
        // While catching up to a head already seen there is no need to ask again; a wake-up that
        // comes meanwhile stays noted until the head is asked for.
        if (this.#position >= head) {
          this.#woken = false;
          head = await this.#source.head();
        }
        if (this.#stopped) break;
        if (this.#position < head) {
          await this.#deliverUpTo(head);
          // Let appends and I/O in between batches: handlers that resolve at once would starve them.
          await nextTurn();
          // Nothing was committed meanwhile unless a wake-up said so: no need to ask for the head.
          if (this.#position < head || this.#woken) continue;
        }
        if (reported !== this.#position) {
          reported = this.#position;
          this.#options.onCaughtUp?.(this.#position);
          if (this.#stopped) break;
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
    const upTo = Math.min(head, this.#position + this.#window);
    const events = await this.#source.read({
      after: this.#position,
      upTo,
      maxCount: this.#batchSize,
      categories: this.#options.filter?.categories,
    });
    for (const event of events) {
      if (this.#stopped) return;
      await this.#options.onEvent(event);
      this.#position = event.position;
    }
    // A short batch holds every matching event up to `upTo`: skip past the filtered-out rest.
    if (events.length < this.#batchSize && !this.#stopped) this.#position = upTo;
  }
}
