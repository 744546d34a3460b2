// Group commit against a real PostgreSQL: concurrent appends share one transaction, each is
// decided on its own in call order, positions stay gap-free, and event ids are unique store-wide
// even when two processes race to use the same one.
import { isDuplicateEventId, isWrongExpectedRevision } from '@crm/event-store';
import { newEvent, newEvents, streamIn } from './fixtures/events.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVERS_TIMEOUT_MS, testSchema, type TestSchema } from './fixtures/test-schema.ts';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store.ts';

let database: TestSchema;
let store: PostgresEventStore;
beforeAll(async () => {
  database = await testSchema('group_commit');
  store = await openPostgresEventStore(database);
}, SERVERS_TIMEOUT_MS);
afterAll(async () => {
  await store.close();
  await database.drop();
});

const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('group commit', () => {
  it('commits 200 concurrent appends in one transaction', async () => {
    const before = store.stats();
    await Promise.all(
      Array.from({ length: 200 }, () =>
        store.append(streamIn('customer'), [newEvent()], { expectedRevision: 'no_stream' }),
      ),
    );
    const after = store.stats();
    expect(after.transactions - before.transactions).toBe(1);
    expect([after.appends - before.appends, after.events - before.events]).toEqual([200, 200]);
  });

  it('applies appends in call order: positions follow calls, with no gaps', async () => {
    const start = await store.headPosition();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        store.append(streamIn('lead'), newEvents(1 + (index % 3)), { expectedRevision: 'any' }),
      ),
    );
    let position = start;
    for (const [index, result] of results.entries()) {
      position += 1 + (index % 3);
      expect(result.position).toBe(position);
    }
    const all = await store.readAll({ after: start });
    expect(all.map((event) => event.position)).toEqual(all.map((_, index) => start + index + 1));
  });

  it('fails only the conflicting append of a batch; later ones see earlier ones', async () => {
    const [streamId, other] = [streamIn('ticket'), streamIn('ticket')];
    const start = await store.headPosition();
    const before = store.stats().transactions;
    const outcomes = await Promise.allSettled([
      store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' }),
      store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' }),
      store.append(other, [newEvent()], { expectedRevision: 'no_stream' }),
      store.append(streamId, newEvents(2), { expectedRevision: 0 }),
      store.append(streamId, [newEvent()], { expectedRevision: 0 }),
    ]);
    expect(store.stats().transactions - before).toBe(1);
    expect(
      outcomes.map((outcome) =>
        outcome.status === 'fulfilled'
          ? outcome.value
          : isWrongExpectedRevision(outcome.reason) && { actual: outcome.reason.actual },
      ),
    ).toEqual([
      { nextExpectedRevision: 0, position: start + 1 },
      { actual: 0 },
      { nextExpectedRevision: 0, position: start + 2 },
      { nextExpectedRevision: 2, position: start + 4 },
      { actual: 2 },
    ]);
  });

  it('does not spend positions or leave a stream on refused appends', async () => {
    const [streamId, missing] = [streamIn('campaign'), streamIn('campaign')];
    const first = await store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' });
    await rejectionOf(store.append(streamId, newEvents(5), { expectedRevision: 'no_stream' }));
    const refused = await rejectionOf(
      store.append(missing, [newEvent()], { expectedRevision: 'stream_exists' }),
    );
    expect(refused).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', actual: -1 });
    const next = await store.append(streamId, [newEvent()], { expectedRevision: 0 });
    expect(next.position).toBe(first.position + 1);
    expect(await store.append(missing, [], { expectedRevision: 'no_stream' })).toEqual({
      nextExpectedRevision: -1,
      position: 0,
    });
  });
});

describe('event ids', () => {
  it('recognises a retry queued in the same batch as the original', async () => {
    const streamId = streamIn('customer');
    const events = newEvents(2);
    const before = store.stats();
    const [original, retry] = await Promise.all([
      store.append(streamId, events, { expectedRevision: 'no_stream' }),
      store.append(streamId, events, { expectedRevision: 'no_stream' }),
    ]);
    expect(retry).toEqual(original);
    expect(store.stats().events - before.events).toBe(2);
  });

  it('refuses an id used elsewhere, earlier in the stream, or in part', async () => {
    const streamId = streamIn('customer');
    const [first, second] = newEvents(2);
    const written = await store.append(streamId, [first!, second!], {
      expectedRevision: 'no_stream',
    });
    const attempts = [
      store.append(streamIn('customer'), [{ ...newEvent(), id: first!.id }], {
        expectedRevision: 'any',
      }),
      store.append(streamId, [first!], { expectedRevision: 'any' }),
      store.append(streamId, [second!, newEvent()], { expectedRevision: 'any' }),
      store.append(streamId, [{ ...newEvent(), id: first!.id.toUpperCase() }], {
        expectedRevision: 'any',
      }),
    ];
    for (const error of await Promise.all(attempts.map(rejectionOf))) {
      expect(isDuplicateEventId(error)).toBe(true);
    }
    expect(await store.headPosition()).toBe(written.position);
  });

  it(
    'one of two stores racing to use an id on different streams wins, once',
    { timeout: 30_000 },
    async () => {
      const rival = await openPostgresEventStore(database);
      try {
        for (let round = 0; round < 20; round++) {
          const event = newEvent();
          const outcomes = await Promise.allSettled(
            [store, rival].map((each) =>
              each.append(streamIn('race'), [event], { expectedRevision: 'no_stream' }),
            ),
          );
          const failures = outcomes.flatMap((outcome) =>
            outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
          );
          expect(failures).toHaveLength(1);
          expect(isDuplicateEventId(failures[0])).toBe(true);
        }
      } finally {
        await rival.close();
      }
    },
  );

  it('rejects malformed appends before they reach the database', async () => {
    const before = store.stats().appends;
    const bad = [
      store.append('', [newEvent()], { expectedRevision: 'any' }),
      store.append(streamIn('x'), [{ ...newEvent(), id: 'not-a-uuid' }], {
        expectedRevision: 'any',
      }),
      store.append(streamIn('x'), [newEvent({ text: 'nul \u0000' })], { expectedRevision: 'any' }),
      store.append(streamIn('x'), [newEvent()], { expectedRevision: -2 }),
    ];
    for (const error of await Promise.all(bad.map(rejectionOf))) {
      expect(error).toBeInstanceOf(TypeError);
    }
    expect(store.stats().appends).toBe(before);
  });
});
