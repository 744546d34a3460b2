// subscribeToAll on ESDB's catch-up subscription to $all: it reads history, then turns live by
// itself, filtered on the server. Events are pulled one at a time with read(), so the handler sees
// one event at a time in order and a "caught up" signal can be placed exactly among the events the
// client had already buffered (a for-await loop would hide one event from that count).
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  EventStoreDBClient,
} from '@eventstore/db-client';
import type { SubscribeToAllOptions, Subscription } from '@crm/event-store';
import { CaughtUpTracker } from './caught-up-tracker.ts';
import { toPortPosition, toReadPosition } from './positions.ts';
import { toRecordedEvent } from './recorded-event.ts';
import type { StreamNames } from './stream-names.ts';

export interface SubscriptionSource {
  client: EventStoreDBClient;
  names: StreamNames;
  headPosition: () => Promise<number>;
}

export class EventStoreDbSubscription implements Subscription {
  readonly #source: SubscriptionSource;
  readonly #options: SubscribeToAllOptions;
  #stream: AllStreamSubscription | undefined;
  #stopped = false;
  #ended = false;
  #failure: { error: unknown } | undefined;
  #wake: (() => void) | undefined;
  /** Settles (never rejects) when delivery has ended: stopped or failed. */
  readonly done: Promise<void>;

  constructor(source: SubscriptionSource, options: SubscribeToAllOptions) {
    this.#source = source;
    this.#options = options;
    this.done = this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#notify();
    await this.done;
  }

  async #run(): Promise<void> {
    const { names } = this.#source;
    const { after, filter, onEvent } = this.#options;
    const categories = filter?.categories;
    try {
      const tracker = new CaughtUpTracker(after, await this.#source.headPosition());
      if (this.#stopped) return;
      this.#report(tracker.start());
      const stream = this.#subscribe(tracker);
      let delivered = after;
      for (;;) {
        const resolved = await this.#next(stream);
        if (resolved === undefined || this.#stopped) return;
        tracker.received();
        const event = toRecordedEvent(resolved, names);
        // The server may include the checkpoint's own event; skip it and anything not ours.
        if (event && event.position > delivered && names.inCategories(event.streamId, categories)) {
          await onEvent(event);
          delivered = event.position;
        }
        if (this.#stopped) return;
        const commit = resolved.event?.position.commit;
        this.#report(tracker.handled(commit === undefined ? undefined : toPortPosition(commit)));
      }
    } catch (error) {
      if (!this.#stopped) {
        this.#stopped = true;
        this.#options.onError?.(error);
      }
    } finally {
      await this.#close();
    }
  }

  #subscribe(tracker: CaughtUpTracker): AllStreamSubscription {
    const { client, names } = this.#source;
    const stream = client.subscribeToAll({
      fromPosition: toReadPosition(this.#options.after),
      filter: names.serverFilter(this.#options.filter?.categories, (subscription, position) =>
        this.#report(tracker.checkpoint(subscription.readableLength, Number(position.commit))),
      ),
    });
    this.#stream = stream;
    stream.on('caughtUp', () => this.#report(tracker.serverCaughtUp(stream.readableLength)));
    stream.on('readable', () => this.#notify());
    stream.on('end', () => this.#end());
    stream.on('close', () => this.#end());
    stream.on('error', (error) => {
      this.#failure ??= { error };
      this.#notify();
    });
    return stream;
  }

  /** The next buffered event, waiting for one; undefined once stopped or ended. */
  async #next(stream: AllStreamSubscription): Promise<AllStreamResolvedEvent | undefined> {
    for (;;) {
      if (this.#failure !== undefined) throw this.#failure.error;
      const resolved = stream.read() as AllStreamResolvedEvent | null;
      if (resolved !== null) return resolved;
      if (this.#stopped) return undefined;
      if (this.#ended) throw new Error('EventStoreDB ended the subscription');
      // No await between read() and here: a 'readable' emitted later finds #wake set.
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  #report(position: number | undefined): void {
    if (position === undefined || this.#stopped) return;
    try {
      this.#options.onCaughtUp?.(position);
    } catch (error) {
      this.#failure ??= { error };
      this.#notify();
    }
  }

  #end(): void {
    this.#ended = true;
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  async #close(): Promise<void> {
    const stream = this.#stream;
    this.#stream = undefined;
    if (stream === undefined) return;
    await stream.unsubscribe();
    stream.destroy();
  }
}
