// An aggregate is a decider: three plain functions over its commands, events and state.
// No I/O, no clock, no random ids: time and ids arrive inside the command.

export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  initialState: State;
  /** The events the command causes, or a thrown DomainError when it is refused. [] = nothing to do. */
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** How a refusal should be understood outside the domain (the service maps it to HTTP). */
export type DomainErrorKind =
  | 'invalid' // the command itself is wrong (422)
  | 'not_found' // the aggregate does not exist (404)
  | 'conflict' // the aggregate's state does not allow it (409)
  | 'forbidden'; // the actor may not do this (403)

/** A refusal with a stable code that clients and tests rely on; the message is for people. */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(
    code: string,
    kind: DomainErrorKind,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
    this.details = details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** Folds events into state. */
export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<never, Event, State>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
