// The event store port on EventStoreDB/KurrentDB through @eventstore/db-client (gRPC): one ESDB
// stream per aggregate, the port's position is the event's $all commit position, conflicts and
// idempotent retries are the server's own (it recognises a repeated append by event ids).
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  DuplicateEventId,
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '@crm/event-store';
import {
  isExpectedRevisionMet,
  toAppendExpectedRevision,
  toPortAppendError,
} from './expected-revision.ts';
import { toPortPosition, toReadPosition } from './positions.ts';
import { toEventData, toRecordedEvent } from './recorded-event.ts';
import { StreamNames } from './stream-names.ts';
import { EventStoreDbSubscription } from './eventstoredb-subscription.ts';

export interface EventStoreDbOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, or `esdb://admin:changeit@host:2113` when secure. */
  connectionString: string;
  /** Put before every stream name so deployments can share a server; must not contain '-'. */
  categoryPrefix?: string;
}

/** readAll filters categories on the client (this client's readAll has no server filter): page size. */
const PAGE_SIZE = 500;

const collect = async <T>(events: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const event of events) all.push(event);
  return all;
};

export async function openEventStoreDbEventStore(
  options: EventStoreDbOptions,
): Promise<EventStore> {
  const store = new EventStoreDbEventStore(options);
  try {
    await store.headPosition(); // fail here, not on first use, when the server is unreachable
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

class EventStoreDbEventStore implements EventStore {
  readonly #client: EventStoreDBClient;
  readonly #names: StreamNames;
  readonly #subscriptions = new Set<EventStoreDbSubscription>();

  constructor({ connectionString, categoryPrefix }: EventStoreDbOptions) {
    this.#names = new StreamNames(categoryPrefix);
    this.#client = EventStoreDBClient.connectionString(connectionString);
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const ids = new Set(events.map(({ id }) => id));
    if (ids.size < events.length) {
      throw new DuplicateEventId(streamId, events.find(({ id }) => !ids.delete(id))!.id);
    }
    if (events.length === 0) return this.#appendNothing(streamId, expectedRevision);
    try {
      const result = await this.#client.appendToStream(
        this.#names.toEsdb(streamId),
        events.map(toEventData),
        { expectedRevision: toAppendExpectedRevision(expectedRevision) },
      );
      const revision = Number(result.nextExpectedRevision);
      // Older servers answer an idempotent retry without a position: read the event's own.
      const position =
        result.position === undefined
          ? await this.#positionOf(streamId, revision)
          : toPortPosition(result.position.commit);
      return { nextExpectedRevision: revision, position };
    } catch (error) {
      throw toPortAppendError(error, streamId, expectedRevision);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { fromRevision = 0, toRevision, maxCount } = options;
    const span = toRevision === undefined ? Infinity : toRevision - fromRevision + 1;
    const count = Math.min(maxCount ?? Infinity, span);
    if (count <= 0) return [];
    const read = this.#client.readStream(this.#names.toEsdb(streamId), {
      fromRevision: BigInt(fromRevision),
      ...(Number.isFinite(count) ? { maxCount: count } : {}),
    });
    return this.#mapped(read).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
  }

  async readAll({ after = 0, maxCount, filter }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const categories = filter?.categories;
    const limit = maxCount ?? Infinity;
    const events: RecordedEvent[] = [];
    if (limit <= 0 || categories?.length === 0) return events;
    let from = after;
    for (;;) {
      // Unfiltered reads need little more than what is left (+1: the checkpoint's own event).
      const size = categories ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - events.length + 1);
      const page = await collect(
        this.#client.readAll({ fromPosition: toReadPosition(from), maxCount: size }),
      );
      for (const resolved of page) {
        const event = toRecordedEvent(resolved, this.#names);
        if (!event || event.position <= from) continue;
        if (!this.#names.inCategories(event.streamId, categories)) continue;
        events.push(event);
        if (events.length >= limit) return events;
      }
      const last = page.at(-1)?.event?.position.commit;
      if (page.length < size || last === undefined) return events;
      from = toPortPosition(last);
    }
  }

  async headPosition(): Promise<number> {
    const [last] = await collect(
      this.#client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }),
    );
    const commit = last?.event?.position.commit;
    return commit === undefined ? 0 : toPortPosition(commit);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    const subscription = new EventStoreDbSubscription(
      { client: this.#client, names: this.#names, headPosition: () => this.headPosition() },
      options,
    );
    this.#subscriptions.add(subscription);
    void subscription.done.then(() => this.#subscriptions.delete(subscription));
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
    await this.#client.dispose();
  }

  async #mapped(read: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>) {
    const events: RecordedEvent[] = [];
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved, this.#names);
      if (event) events.push(event);
    }
    return events;
  }

  async #positionOf(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (event === undefined) throw new Error(`stream ${streamId} has no revision ${revision}`);
    return event.position;
  }

  /** Nothing to write: check the expectation and answer with where the stream stands. */
  async #appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const read = this.#client.readStream(this.#names.toEsdb(streamId), {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    const [last] = await this.#mapped(read).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
    const current = last?.revision ?? -1;
    if (!isExpectedRevisionMet(expected, current))
      throw new WrongExpectedRevision(streamId, expected, current);
    return { nextExpectedRevision: current, position: last?.position ?? 0 };
  }
}
