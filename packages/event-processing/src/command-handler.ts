// One command handler serves every aggregate: load the stream, fold, decide, append with the
// revision that was read. A concurrent writer makes the append fail; then the command is decided
// again on the fresh state (a few times), unless the client pinned a revision itself (If-Match).
import { randomUUID } from 'node:crypto';
import { fold, type Decider, type DomainEvent } from '@crm/decider';
import {
  isWrongExpectedRevision,
  WrongExpectedRevision,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@crm/event-store';

export interface CommandContext {
  actor: string;
  correlationId: string;
  /** The id of what caused this command: a request id, or the event a reaction handles. */
  causationId: string;
  traceparent?: string;
}

export interface AppendedEvent {
  id: string;
  type: string;
  data: unknown;
  revision: number;
}

export interface CommandResult<State> {
  state: State;
  /** The events this command appended ([] when it changed nothing). */
  events: AppendedEvent[];
  /** The stream's revision after the command (-1: the stream does not exist). */
  revision: number;
  /** The global position of the last appended event, or null when nothing was appended. */
  position: number | null;
}

export interface HandleCommandOptions<Command, Event extends DomainEvent, State> {
  store: EventStore;
  decider: Decider<Command, Event, State>;
  streamId: string;
  command: Command;
  context: CommandContext;
  /** The revision the client last saw; a mismatch is a 409 and is not retried. */
  expectedRevision?: number;
  /** How recorded data becomes a domain event (the place to upcast old versions). */
  toDomain?: (event: RecordedEvent) => Event;
  retries?: number;
  newEventId?: () => string;
  /**
   * The stream as the caller has just read it, for the first attempt (saves a read); a write in
   * between still fails the append, and the retry reads the stream afresh.
   */
  history?: readonly RecordedEvent[];
}

const asDomain = <Event extends DomainEvent>(event: RecordedEvent): Event =>
  ({ type: event.type, data: event.data }) as Event;

export async function handleCommand<Command, Event extends DomainEvent, State>(
  options: HandleCommandOptions<Command, Event, State>,
): Promise<CommandResult<State>> {
  const { store, decider, streamId, command, context } = options;
  const toDomain = options.toDomain ?? asDomain<Event>;
  const newEventId = options.newEventId ?? randomUUID;
  const retries = options.expectedRevision === undefined ? (options.retries ?? 3) : 0;

  for (let attempt = 0; ; attempt++) {
    const history =
      attempt === 0 && options.history ? options.history : await store.readStream(streamId);
    const revision = history.length - 1;
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      throw new WrongExpectedRevision(streamId, options.expectedRevision, revision);
    }
    const state = fold(decider, history.map(toDomain));
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { state, events: [], revision, position: null };

    const metadata: EventMetadata = {
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.causationId,
      ...(context.traceparent === undefined ? {} : { traceparent: context.traceparent }),
    };
    const toAppend = decided.map((event) => ({
      id: newEventId(),
      type: event.type,
      data: event.data,
      metadata,
    }));
    try {
      const result = await store.append(streamId, toAppend, {
        expectedRevision: revision === -1 ? 'no_stream' : revision,
      });
      return {
        state: decided.reduce((next, event) => decider.evolve(next, event), state),
        revision: result.nextExpectedRevision,
        position: result.position,
        events: toAppend.map(({ id, type, data }, index) => ({
          id,
          type,
          data,
          revision: revision + 1 + index,
        })),
      };
    } catch (error) {
      if (!isWrongExpectedRevision(error) || attempt >= retries) throw error;
    }
  }
}

/** The aggregate as it was at `asOf` (ISO time): the log is the history. */
export async function loadAsOf<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<never, Event, State>, 'initialState' | 'evolve'>,
  streamId: string,
  asOf: string,
  toDomain: (event: RecordedEvent) => Event = asDomain<Event>,
): Promise<{ state: State; revision: number }> {
  const cutoff = Date.parse(asOf);
  const history = (await store.readStream(streamId)).filter(
    (event) => Date.parse(event.recordedAt) <= cutoff,
  );
  return { state: fold(decider, history.map(toDomain)), revision: history.length - 1 };
}
