// What the opportunity, quote and order applications share: the caller's context (with the roles
// the domain checks itself, e.g. for a reopen), the write answer, and one run of a decider.
import { fold, type Decider, type DomainEvent } from '@crm/decider';
import { handleCommand, type CommandContext } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import type { SalesTeams } from '../sales-teams.ts';

/** CommandContext plus the caller's roles as authenticated (absent for system callers). */
export type SalesContext = CommandContext & { actorRoles?: readonly string[] };

export interface WriteResult {
  id: string;
  /** The stream revision after the write: pass as If-Match, or as waitForRevision to read it. */
  revision: number;
  /** Global position of the last event written (null when nothing changed). */
  position: number | null;
  changed: boolean;
}

/** Commands as callers send them: the application adds the id, the time and the actor. */
export type InputOf<C, Id extends string> = C extends unknown
  ? Omit<C, Id | 'at' | 'actor'>
  : never;

export interface Loaded<State> {
  state: State;
  /** -1 when the stream does not exist. */
  revision: number;
}

export async function loadStream<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
): Promise<Loaded<S>> {
  const events = await store.readStream(streamId);
  const state = fold(
    decider,
    events.map((event) => ({ type: event.type, data: event.data }) as E),
  );
  return { state, revision: events.length - 1 };
}

export async function runCommand<C, E extends DomainEvent, S>(options: {
  store: EventStore;
  decider: Decider<C, E, S>;
  streamId: string;
  id: string;
  command: C;
  context: SalesContext;
  expectedRevision?: number | undefined;
}): Promise<WriteResult> {
  const { actorRoles: _roles, ...context } = options.context;
  const result = await handleCommand({
    store: options.store,
    decider: options.decider,
    streamId: options.streamId,
    command: options.command,
    context,
    ...(options.expectedRevision === undefined
      ? {}
      : { expectedRevision: options.expectedRevision }),
  });
  return {
    id: options.id,
    revision: result.revision,
    position: result.position,
    changed: result.events.length > 0,
  };
}

/** The team an owner's deals count in: the one they are a member of, else the one they manage. */
export function teamIdOf(teams: SalesTeams, ownerId: string): string {
  const member = teams.teamOf(ownerId);
  if (member) return member.id;
  return teams.teams.find((team) => team.managerIds.includes(ownerId))?.id ?? NO_TEAM;
}

/** Where the deals of someone in no configured team are counted. */
export const NO_TEAM = 'none';
