// What the contract leaves to the adapter: opening, closing, a second writer on the same file,
// and how subscriptions behave around filters and long catch-ups.
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../event-store.ts';
import { newEvent, newEvents, streamIn, waitUntil } from '../testing/contract/contract-context.ts';
import { openSqliteEventStore } from './sqlite-event-store.ts';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'event-store-'));
  path = join(dir, 'events.db');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('opening and closing', () => {
  it('starts empty: head 0, and the first event at position 1', async () => {
    const store = openSqliteEventStore({ path });
    expect(await store.headPosition()).toBe(0);
    expect(await store.readAll()).toEqual([]);
    const result = await store.append(streamIn('customer'), [newEvent()], {
      expectedRevision: 'no_stream',
    });
    expect(result.position).toBe(1);
    await store.close();
  });

  it('close() commits pending appends, then refuses everything', async () => {
    const store = openSqliteEventStore({ path });
    const streamId = streamIn('customer');
    const pending = store.append(streamId, newEvents(2), { expectedRevision: 'no_stream' });
    await Promise.all([store.close(), store.close()]);
    expect(await pending).toEqual({ nextExpectedRevision: 1, position: 2 });

    for (const error of await Promise.all([
      rejectionOf(store.append(streamId, [newEvent()], { expectedRevision: 1 })),
      rejectionOf(store.readStream(streamId)),
      rejectionOf(store.headPosition()),
    ])) {
      expect(error).toMatchObject({ code: 'EVENT_STORE_CLOSED' });
    }
    expect(() => store.subscribeToAll({ after: 0, onEvent: () => Promise.resolve() })).toThrow(
      expect.objectContaining({ code: 'EVENT_STORE_CLOSED' }),
    );
    const reopened = openSqliteEventStore({ path });
    expect(await reopened.readStream(streamId)).toHaveLength(2);
    await reopened.close();
  });

  it('close() stops subscriptions without reporting an error', async () => {
    const store = openSqliteEventStore({ path });
    const errors: unknown[] = [];
    let caughtUp = false;
    const subscription = store.subscribeToAll({
      after: 0,
      onEvent: () => Promise.resolve(),
      onCaughtUp: () => (caughtUp = true),
      onError: (error) => errors.push(error),
    });
    await waitUntil('caught up', () => caughtUp);
    await store.close();
    await subscription.stop();
    expect(errors).toEqual([]);
  });

  it('refuses a file written by a newer schema', () => {
    const db = new DatabaseSync(path);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => openSqliteEventStore({ path })).toThrow(/schema version 99/);
  });
});

describe('a second writer on the same file', () => {
  it('shares one gap-free order, and wakes subscriptions by polling', async () => {
    const store = openSqliteEventStore({ path, pollIntervalMs: 20 });
    const other = openSqliteEventStore({ path });
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({
      after: 0,
      onEvent: (event) => Promise.resolve(void received.push(event)),
    });
    await store.append(streamIn('customer'), [newEvent()], { expectedRevision: 'any' });
    await other.append(streamIn('customer'), newEvents(2), { expectedRevision: 'any' });
    await store.append(streamIn('customer'), [newEvent()], { expectedRevision: 'any' });
    await other.append(streamIn('customer'), [newEvent()], { expectedRevision: 'any' });

    await waitUntil('the other writer’s last event arrives', () => received.length === 5);
    expect(received.map(({ position }) => position)).toEqual([1, 2, 3, 4, 5]);
    await subscription.stop();
    await Promise.all([store.close(), other.close()]);
  });
});

describe('subscriptions', () => {
  it('reports caught up at the head when only filtered-out events were added', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    const caughtUp: number[] = [];
    const subscription = store.subscribeToAll({
      after: 0,
      filter: { categories: ['customer'] },
      onEvent: () => Promise.resolve(),
      onCaughtUp: (position) => caughtUp.push(position),
    });
    await waitUntil('caught up', () => caughtUp.length === 1);
    await store.append(streamIn('ticket'), newEvents(3), { expectedRevision: 'no_stream' });
    await waitUntil('caught up again', () => caughtUp.length === 2);
    expect(caughtUp).toEqual([0, 3]);
    await subscription.stop();
    await store.close();
  });

  it('lets appends through while a long catch-up is running', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    await store.append(streamIn('customer'), newEvents(3000), { expectedRevision: 'no_stream' });
    let delivered = 0;
    const subscription = store.subscribeToAll({
      after: 0,
      onEvent: () => Promise.resolve(void delivered++),
    });
    await store.append(streamIn('customer'), [newEvent()], { expectedRevision: 'no_stream' });
    expect(delivered).toBeLessThan(3000);
    await waitUntil('all delivered', () => delivered === 3001);
    await subscription.stop();
    await store.close();
  });
});
