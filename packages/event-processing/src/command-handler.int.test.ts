// The command handler against the embedded store: retries on a concurrent write, and a history
// handed in by the caller is used once, never trusted past a write made since.
import type { Decider } from '@crm/decider';
import { openSqliteEventStore } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import { handleCommand } from './command-handler.ts';

type Command = { type: 'Add'; amount: number };
type Event = { type: 'Added'; data: { amount: number; total: number } };

const counter: Decider<Command, Event, number> = {
  initialState: 0,
  decide: (command, total) => [
    { type: 'Added', data: { amount: command.amount, total: total + command.amount } },
  ],
  evolve: (_total, event) => event.data.total,
};

const context = { actor: 'u-test', correlationId: 'c-1', causationId: 'r-1' };

describe('handleCommand', () => {
  it('decides on the history handed in, without reading the stream first', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    let reads = 0;
    const counted = { ...store, readStream: (id: string) => (reads++, store.readStream(id)) };
    const result = await handleCommand({
      store: counted,
      decider: counter,
      streamId: 'counter-1',
      command: { type: 'Add', amount: 2 },
      context,
      history: [],
    });
    expect(reads).toBe(0);
    expect(result.state).toBe(2);
    expect(result.revision).toBe(0);
    await store.close();
  });

  it('reads afresh when the history handed in is stale, so a write since is not lost', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    const run = (amount: number, history?: Awaited<ReturnType<typeof store.readStream>>) =>
      handleCommand({
        store,
        decider: counter,
        streamId: 'counter-1',
        command: { type: 'Add', amount },
        context,
        ...(history && { history }),
      });
    const stale = await store.readStream('counter-1');
    await run(5);
    const result = await run(1, stale);
    expect(result.state).toBe(6);
    expect(result.revision).toBe(1);
    const totals = (await store.readStream('counter-1')).map((event) => event.data);
    expect(totals).toEqual([
      { amount: 5, total: 5 },
      { amount: 1, total: 6 },
    ]);
    await store.close();
  });
});
