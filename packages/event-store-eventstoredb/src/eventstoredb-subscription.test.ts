// The subscription over the client's own Subscription stream, fed protobuf messages from memory
// (see fixtures): ordering, one event at a time, where "caught up" falls, stop and failures.
import { setTimeout as sleep } from 'node:timers/promises';
import { STREAM_NAME } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent, SubscribeToAllOptions } from '@crm/event-store';
import { EventStoreDbSubscription } from './eventstoredb-subscription.ts';
import {
  caughtUpMessage,
  checkpointMessage,
  eventMessage,
  inMemorySubscriptionCall,
} from './fixtures/in-memory-subscription-call.ts';
import { StreamNames } from './stream-names.ts';

const waitUntil = async (what: string, condition: () => boolean): Promise<void> => {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(2);
  }
};

function follow(head: number, options: Partial<SubscribeToAllOptions> & { after: number }) {
  const server = inMemorySubscriptionCall();
  const received: RecordedEvent[] = [];
  const caughtUp: { position: number; handled: number }[] = [];
  const errors: unknown[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const subscription = new EventStoreDbSubscription(
    { client: server.client, names: new StreamNames(), headPosition: () => Promise.resolve(head) },
    {
      onEvent: async (event) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await sleep(3);
        received.push(event);
        inFlight--;
      },
      onCaughtUp: (position) => caughtUp.push({ position, handled: received.length }),
      onError: (error) => errors.push(error),
      ...options,
    },
  );
  const positions = () => received.map(({ position }) => position);
  return {
    server,
    subscription,
    received,
    positions,
    caughtUp,
    errors,
    maxInFlight: () => maxInFlight,
  };
}

describe('EventStoreDbSubscription', () => {
  it('catches up, says so after the events sent before the server did, then stays live', async () => {
    const run = follow(400, { after: 100, filter: { categories: ['deal'] } });
    await waitUntil('subscribed', () => run.server.requested() !== undefined);
    expect(run.server.requested()).toMatchObject({
      fromPosition: { commit: 100n, prepare: 100n },
      filter: { filterOn: STREAM_NAME, prefixes: ['deal-'] },
    });

    run.server.send(
      eventMessage('deal-1', 100), // the checkpoint's own event: the server may include it
      eventMessage('deal-1', 200, { revision: 1, data: { amount: 5 } }),
      eventMessage('deal-2', 300),
      caughtUpMessage(),
    );
    await waitUntil('caught up', () => run.caughtUp.length > 0);
    expect(run.caughtUp).toEqual([{ position: 400, handled: 2 }]);
    expect(run.received[0]).toMatchObject({ streamId: 'deal-1', revision: 1, data: { amount: 5 } });

    run.server.send(eventMessage('deal-1', 500, { revision: 2 }), eventMessage('deal-3', 600));
    await waitUntil('live events arrive', () => run.received.length === 4);
    await run.subscription.stop();

    expect(run.positions()).toEqual([200, 300, 500, 600]);
    expect(run.maxInFlight()).toBe(1);
    expect(run.errors).toEqual([]);
    expect(run.server.cancelled()).toBe(1);
  });

  it('on older servers, takes a checkpoint past the start head as caught up', async () => {
    const run = follow(400, { after: 0, filter: { categories: ['deal'] } });
    run.server.send(eventMessage('deal-1', 100), checkpointMessage(300));
    await waitUntil('the event arrives', () => run.received.length === 1);
    expect(run.caughtUp).toEqual([]);
    run.server.send(checkpointMessage(450));
    await waitUntil('caught up', () => run.caughtUp.length > 0);
    // The head seen at start, an event's position, not the checkpoint's.
    expect(run.caughtUp).toEqual([{ position: 400, handled: 1 }]);
    await run.subscription.stop();
  });

  it('is caught up at once when nothing lies past the checkpoint', async () => {
    const run = follow(700, { after: 700 });
    await waitUntil('caught up', () => run.caughtUp.length > 0);
    expect(run.caughtUp).toEqual([{ position: 700, handled: 0 }]);
    await run.subscription.stop();
  });

  it('skips system events and streams outside the categories, in case the server sends them', async () => {
    const run = follow(0, { after: 0, filter: { categories: ['deal'] } });
    run.server.send(
      eventMessage('$stats-127.0.0.1:2113', 100, { type: '$statsCollected' }),
      eventMessage('dealer-1', 200),
      eventMessage('deal-1', 300, { type: '$metadata' }),
      eventMessage('deal-1', 400),
    );
    await waitUntil('the event arrives', () => run.received.length === 1);
    expect(run.positions()).toEqual([400]);
    await run.subscription.stop();
  });

  it('stop() resolves after the event in flight is handled, and nothing follows', async () => {
    const run = follow(0, { after: 0 });
    run.server.send(eventMessage('deal-1', 100), eventMessage('deal-1', 200));
    await waitUntil('the first event is in flight', () => run.maxInFlight() === 1);
    await run.subscription.stop();
    expect(run.positions()).toEqual([100]);
    run.server.send(eventMessage('deal-1', 300));
    await sleep(30);
    expect(run.positions()).toEqual([100]);
    expect(run.errors).toEqual([]);
  });

  it('a failing handler ends the subscription and reports the error once', async () => {
    const failure = new Error('handler failed');
    let handled = 0;
    const run = follow(0, {
      after: 0,
      onEvent: () => (++handled === 2 ? Promise.reject(failure) : Promise.resolve()),
    });
    run.server.send(...[100, 200, 300].map((position) => eventMessage('deal-1', position)));
    await waitUntil('the error is reported', () => run.errors.length > 0);
    await sleep(30);
    expect(run.errors).toEqual([failure]);
    expect(handled).toBe(2);
    expect(run.server.cancelled()).toBe(1);
    await run.subscription.stop();
  });

  it('reports the server ending the call as a failure', async () => {
    const run = follow(0, { after: 0 });
    run.server.send(eventMessage('deal-1', 100));
    run.server.end();
    await waitUntil('the error is reported', () => run.errors.length > 0);
    expect(run.positions()).toEqual([100]);
    expect(run.errors).toHaveLength(1);
    await run.subscription.stop();
  });
});
