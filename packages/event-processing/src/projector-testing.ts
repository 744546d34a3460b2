// Embedded stores and projectors for the projector's tests, closed after each test.
import { openSqliteEventStore, type EventStore } from '@crm/event-store';
import { openSqliteDocumentStore, type DocumentStore } from '@crm/read-store';
import { afterEach, expect } from 'vitest';
import type { Projection } from './projection.ts';
import { Projector, type ProjectorOptions } from './projector.ts';

/** The checkpoint of the fixture projections (`accounts`, version 1). */
export const CHECKPOINT = 'projection:accounts:v1';

const open: { close(): Promise<void> }[] = [];
const running: Projector[] = [];

afterEach(async () => {
  for (const projector of running.splice(0)) await projector.stop();
  for (const store of open.splice(0)) await store.close();
});

const track = <T extends { close(): Promise<void> }>(store: T): T => (open.push(store), store);

export const eventStore = (): EventStore => track(openSqliteEventStore({ path: ':memory:' }));

export const documentStore = (): DocumentStore =>
  track(openSqliteDocumentStore({ path: ':memory:' }));

/** A projector of one projection, stopped after the test; started unless `start: false`. */
export async function project(
  options: Omit<ProjectorOptions, 'projections'> & { projection: Projection; start?: boolean },
): Promise<Projector> {
  const { projection, start = true, ...rest } = options;
  const projector = new Projector({ ...rest, projections: [projection] });
  running.push(projector);
  if (start) await projector.start();
  return projector;
}

export async function caughtUp(projector: Projector, events: EventStore): Promise<void> {
  expect(await projector.waitForPosition(await events.headPosition(), 10_000)).toBe(true);
}
