import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqliteEventBus, type EventBus, type IncomingMessage } from '@crm/event-bus';
import { openSqliteEventStore, type EventStore, type RecordedEvent } from '@crm/event-store';
import { openSqliteDocumentStore, type DocumentStore } from '@crm/read-store';
import { afterEach, describe, expect, it } from 'vitest';
import { Relay, type RelayOptions } from './relay.ts';

const TOPIC = 'crm.things.v1';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function engines() {
  const eventStore = openSqliteEventStore({ path: ':memory:' });
  const bus = openSqliteEventBus({ path: ':memory:' });
  const checkpoints = openSqliteDocumentStore({ path: ':memory:' });
  closers.push(
    () => eventStore.close(),
    () => bus.close(),
    () => checkpoints.close(),
  );
  return { eventStore, bus, checkpoints };
}

/** `count` events, one stream each; every fifth is internal (never published). */
async function appendThings(store: EventStore, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, index) =>
      store.append(
        `thing-${randomUUID()}`,
        [
          {
            id: randomUUID(),
            type: index % 5 === 4 ? 'ThingNoted' : 'ThingMade',
            data: { index },
            metadata: { correlationId: 'c', causationId: 'c', actor: 'u-test' },
          },
        ],
        { expectedRevision: 'no_stream' },
      ),
    ),
  );
}

const toMessage = (event: RecordedEvent) =>
  event.type === 'ThingNoted'
    ? null
    : {
        key: event.streamId,
        value: new TextEncoder().encode(JSON.stringify(event.data)),
        headers: { ce_id: event.id, position: String(event.position) },
      };

function relayOf(
  parts: { eventStore: EventStore; bus: EventBus; checkpoints: DocumentStore },
  options: Partial<RelayOptions> = {},
): Relay {
  return new Relay({
    name: 'things',
    topic: TOPIC,
    filter: { categories: ['thing'] },
    toMessage,
    ...parts,
    ...options,
  });
}

async function consumeAll(bus: EventBus, expected: number): Promise<IncomingMessage[]> {
  const received: IncomingMessage[] = [];
  const consumer = await bus.subscribe({
    groupId: `reader-${randomUUID()}`,
    topics: [TOPIC],
    handle: (message) => {
      received.push(message);
      return Promise.resolve();
    },
  });
  for (let waited = 0; received.length < expected && waited < 10_000; waited += 10) {
    await sleep(10);
  }
  await consumer.stop();
  return received;
}

async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 5) {
    if (waited > 10_000) throw new Error('timed out');
    await sleep(5);
  }
}

const positions = (messages: IncomingMessage[]) =>
  messages.map((message) => Number(message.headers.position));

describe('Relay', () => {
  it('publishes every public event once, in log order, and saves the head as its checkpoint on stop', async () => {
    const parts = engines();
    await appendThings(parts.eventStore, 300);
    const relay = relayOf(parts, { batchSize: 40 });
    await relay.start();
    await appendThings(parts.eventStore, 100);
    const head = await parts.eventStore.headPosition();
    await until(() => relay.status.position === head);
    await relay.stop();

    const received = await consumeAll(parts.bus, 320);
    expect(received).toHaveLength(320);
    expect(positions(received)).toEqual([...positions(received)].sort((a, b) => a - b));
    expect(new Set(received.map((message) => message.headers.ce_id)).size).toBe(320);
    expect(relay.status).toMatchObject({ published: 320, checkpoint: head, state: 'stopped' });
    expect(await parts.checkpoints.getCheckpoint('relay:things')).toBe(head);
  });

  it('resumes from its checkpoint: a second relay publishes only what came after', async () => {
    const parts = engines();
    await appendThings(parts.eventStore, 50);
    const first = relayOf(parts);
    await first.start();
    const head = await parts.eventStore.headPosition();
    await until(() => first.status.position === head);
    await first.stop();

    await appendThings(parts.eventStore, 25);
    const second = relayOf(parts);
    await second.start();
    const next = await parts.eventStore.headPosition();
    await until(() => second.status.position === next);
    await second.stop();
    expect(second.status.published).toBe(20);
    expect(await consumeAll(parts.bus, 60)).toHaveLength(60);
  });

  it('saves the checkpoint every N events while running, not once per publish', async () => {
    const parts = engines();
    const saves: number[] = [];
    const checkpoints = {
      getCheckpoint: (name: string) => parts.checkpoints.getCheckpoint(name),
      setCheckpoint: async (name: string, position: number) => {
        saves.push(position);
        await parts.checkpoints.setCheckpoint(name, position);
      },
    };
    await appendThings(parts.eventStore, 1_000);
    const relay = relayOf(
      { ...parts, checkpoints: checkpoints as DocumentStore },
      { batchSize: 50, maxBatchSize: 50, checkpointEveryEvents: 200, checkpointIntervalMs: 60_000 },
    );
    await relay.start();
    await until(() => relay.status.position === 1_000 && relay.status.checkpoint > 800);
    // 20 publishes of 50 so far: a save after every 200 events, never one per publish.
    const whileRunning = [...saves];
    expect(whileRunning.length).toBeGreaterThanOrEqual(4);
    expect(whileRunning.length).toBeLessThanOrEqual(5);
    expect(whileRunning).toEqual([...whileRunning].sort((a, b) => a - b));
    await relay.stop();
    // Stopping saves the rest.
    expect(saves.at(-1)).toBe(1_000);
    expect(relay.status.checkpoint).toBe(1_000);
  });

  it('keeps reading while a publish is out, and sends what gathered as one larger batch', async () => {
    const parts = engines();
    const batches: number[] = [];
    const slowBus: EventBus = {
      ...parts.bus,
      publish: async (topic, messages) => {
        batches.push(messages.length);
        await sleep(30);
        await parts.bus.publish(topic, messages);
      },
    };
    await appendThings(parts.eventStore, 2_500);
    const relay = relayOf({ ...parts, bus: slowBus }, { batchSize: 100, maxBatchSize: 1_000 });
    await relay.start();
    await until(() => relay.status.position === 2_500);
    await relay.stop();
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(2_000);
    expect(Math.max(...batches)).toBeGreaterThan(100);
    expect(Math.max(...batches)).toBeLessThanOrEqual(800); // 1,000 events, 4 of 5 public
    expect(batches.length).toBeLessThan(10);
    const received = await consumeAll(parts.bus, 2_000);
    expect(positions(received)).toEqual([...positions(received)].sort((a, b) => a - b));
  });

  it('after a failed publish starts again from what the bus accepted, losing nothing', async () => {
    const parts = engines();
    let failures = 2;
    const flakyBus: EventBus = {
      ...parts.bus,
      publish: async (topic, messages) => {
        if (failures-- > 0) throw new Error('broker away');
        await parts.bus.publish(topic, messages);
      },
    };
    const errors: object[] = [];
    await appendThings(parts.eventStore, 200);
    const relay = relayOf(
      { ...parts, bus: flakyBus },
      { batchSize: 30, logger: { error: (entry) => void errors.push(entry) } },
    );
    await relay.start();
    await until(() => relay.status.position === 200);
    await relay.stop();
    expect(errors).toHaveLength(2);
    const received = await consumeAll(parts.bus, 160);
    expect(new Set(received.map((message) => message.headers.ce_id)).size).toBe(160);
    expect(positions(received)).toEqual([...positions(received)].sort((a, b) => a - b));
  });
});
