// Group commit: concurrent appends share one transaction, yet each is checked on its own, in call
// order, and positions stay gap-free.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDuplicateEventId } from '../duplicate-event-id.ts';
import { isWrongExpectedRevision, type AppendResult } from '../event-store.ts';
import { newEvent, newEvents, streamIn } from '../testing/contract/contract-context.ts';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store.ts';

let store: SqliteEventStore;
beforeEach(() => {
  store = openSqliteEventStore({ path: ':memory:' });
});
afterEach(() => store.close());

const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('group commit', () => {
  it('commits 200 concurrent appends in one transaction', async () => {
    const before = store.stats();
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        store.append(streamIn('customer'), [newEvent()], { expectedRevision: 'no_stream' }),
      ),
    );
    const after = store.stats();
    expect(results).toHaveLength(200);
    expect(after.transactions - before.transactions).toBe(1);
    expect(after.appends - before.appends).toBe(200);
    expect(after.events - before.events).toBe(200);
  });

  it('commits appends awaited one by one in a transaction each', async () => {
    for (let index = 0; index < 3; index++) {
      await store.append(streamIn('customer'), [newEvent()], { expectedRevision: 'any' });
    }
    expect(store.stats().transactions).toBe(3);
  });

  it('applies appends in call order: positions follow calls, with no gaps', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        store.append(streamIn('lead'), newEvents(1 + (index % 3)), { expectedRevision: 'any' }),
      ),
    );
    let position = 0;
    for (const [index, result] of results.entries()) {
      position += 1 + (index % 3);
      expect(result.position).toBe(position);
    }
    const all = await store.readAll();
    expect(all.map((event) => event.position)).toEqual(all.map((_, index) => index + 1));
  });

  it('fails only the conflicting append of a batch; later ones see earlier ones', async () => {
    const [streamId, other] = [streamIn('ticket'), streamIn('ticket')];
    const outcomes = await Promise.allSettled([
      store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' }),
      store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' }),
      store.append(other, [newEvent()], { expectedRevision: 'no_stream' }),
      store.append(streamId, newEvents(2), { expectedRevision: 0 }),
      store.append(streamId, [newEvent()], { expectedRevision: 0 }),
    ]);
    expect(store.stats().transactions).toBe(1);
    const summary = outcomes.map((outcome) =>
      outcome.status === 'fulfilled'
        ? outcome.value
        : isWrongExpectedRevision(outcome.reason) && { actual: outcome.reason.actual },
    );
    expect(summary).toEqual([
      { nextExpectedRevision: 0, position: 1 },
      { actual: 0 },
      { nextExpectedRevision: 0, position: 2 },
      { nextExpectedRevision: 2, position: 4 },
      { actual: 2 },
    ]);
    expect(await store.headPosition()).toBe(4);
  });

  it('does not spend positions on refused appends', async () => {
    const streamId = streamIn('campaign');
    const first = await store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' });
    await rejectionOf(store.append(streamId, newEvents(5), { expectedRevision: 'no_stream' }));
    const next = await store.append(streamId, [newEvent()], { expectedRevision: 0 });
    expect([first.position, next.position]).toEqual([1, 2]);
  });
});

describe('event ids', () => {
  it('recognises a retry queued in the same batch as the original', async () => {
    const streamId = streamIn('customer');
    const events = newEvents(2);
    const [original, retry] = await Promise.all([
      store.append(streamId, events, { expectedRevision: 'no_stream' }),
      store.append(streamId, events, { expectedRevision: 'no_stream' }),
    ]);
    expect(retry).toEqual(original);
    expect(store.stats()).toMatchObject({ transactions: 1, events: 2 });
  });

  it('refuses an id used elsewhere, earlier in the stream, or in part', async () => {
    const streamId = streamIn('customer');
    const [first, second] = newEvents(2);
    await store.append(streamId, [first!, second!], { expectedRevision: 'no_stream' });
    const elsewhere = rejectionOf(
      store.append(streamIn('customer'), [{ ...newEvent(), id: first!.id }], {
        expectedRevision: 'any',
      }),
    );
    const notAtEnd = rejectionOf(store.append(streamId, [first!], { expectedRevision: 'any' }));
    const partly = rejectionOf(
      store.append(streamId, [second!, newEvent()], { expectedRevision: 'any' }),
    );
    for (const error of await Promise.all([elsewhere, notAtEnd, partly])) {
      expect(isDuplicateEventId(error)).toBe(true);
      expect(error).toMatchObject({ code: 'DUPLICATE_EVENT_ID' });
    }
    expect(await store.headPosition()).toBe(2);
  });

  it('refuses the same id twice in one append, without failing its batch', async () => {
    const event = newEvent();
    const [duplicate, fine] = await Promise.allSettled([
      store.append(streamIn('customer'), [event, event], { expectedRevision: 'any' }),
      store.append(streamIn('customer'), [newEvent()], { expectedRevision: 'any' }),
    ]);
    expect(duplicate.status === 'rejected' && isDuplicateEventId(duplicate.reason)).toBe(true);
    expect(fine).toMatchObject({ status: 'fulfilled', value: { position: 1 } });
  });
});

describe('edge cases', () => {
  it('answers an empty append with where the stream stands, after checking it', async () => {
    const streamId = streamIn('customer');
    const empty: AppendResult = await store.append(streamId, [], { expectedRevision: 'no_stream' });
    expect(empty).toEqual({ nextExpectedRevision: -1, position: 0 });
    const written = await store.append(streamId, newEvents(2), { expectedRevision: 'no_stream' });
    expect(await store.append(streamId, [], { expectedRevision: 1 })).toEqual(written);
    const error = await rejectionOf(store.append(streamId, [], { expectedRevision: 0 }));
    expect(error).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', actual: 1 });
  });

  it('rejects malformed appends before they reach the database', async () => {
    const bad = [
      store.append('', [newEvent()], { expectedRevision: 'any' }),
      store.append(streamIn('x'), [{ ...newEvent(), id: '' }], { expectedRevision: 'any' }),
      store.append(streamIn('x'), [newEvent()], { expectedRevision: 1.5 }),
      store.append(streamIn('x'), [newEvent()], { expectedRevision: -2 }),
    ];
    for (const error of await Promise.all(bad.map(rejectionOf))) {
      expect(error).toBeInstanceOf(TypeError);
    }
    expect(store.stats().appends).toBe(0);
  });
});
