// What every contract section gets: the store of the current test, and small builders and waits
// that keep each test independent of others sharing the same server.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import {
  isWrongExpectedRevision,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from '../../event-store.ts';

export interface EventStoreFixture {
  store: EventStore;
  /** Closes `store` and opens a new one on the same data (a process restart). */
  reopen?: () => Promise<EventStore>;
  /** Closes whichever store is current and removes what the fixture created. */
  cleanup: () => Promise<void>;
}

export interface ContractContext {
  /** The store of the running test (the reopened one after `reopen`). */
  store: () => EventStore;
  /** Reopens when the fixture can; otherwise keeps the same store. */
  reopen: () => Promise<EventStore>;
}

export { sleep };

/** A category no other test uses: no '-' inside, so `${category}-${id}` parses back to it. */
export const uniqueCategory = (): string => `c${randomUUID().replaceAll('-', '')}`;

export const streamIn = (category: string): string => `${category}-${randomUUID()}`;

export const newEvent = (data: unknown = { at: randomUUID() }, type = 'ThingHappened') =>
  ({
    id: randomUUID(),
    type,
    data,
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: 'user:contract' },
  }) satisfies EventToAppend;

export const newEvents = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, index) => newEvent({ index }));

export const idsOf = (events: readonly { id: string }[]): string[] => events.map(({ id }) => id);

export const positionsOf = (events: readonly RecordedEvent[]): number[] =>
  events.map(({ position }) => position);

export function expectStrictlyIncreasing(values: readonly number[]): void {
  for (let index = 1; index < values.length; index++) {
    expect(values[index]).toBeGreaterThan(values[index - 1]!);
  }
}

/** Polls until `condition` holds; fails the test with `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  condition: () => boolean,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(5);
  }
}

export async function expectWrongRevision(
  attempt: Promise<unknown>,
  expected: { streamId: string; expected: ExpectedRevision; actual: number },
): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(isWrongExpectedRevision(error), 'rejects with WrongExpectedRevision').toBe(true);
  expect(error).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', ...expected });
}
