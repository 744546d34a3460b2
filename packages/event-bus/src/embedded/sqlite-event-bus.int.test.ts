import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../event-bus.ts';
import { describeEventBusContract, message, record, waitUntil } from '../testing/index.ts';
import { openSqliteEventBus } from './sqlite-event-bus.ts';

const temporaryBus = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'event-bus-'));
  const path = join(dir, 'bus.db');
  let bus: EventBus = openSqliteEventBus({ path, retryBackoffMs: 10 });
  return {
    bus,
    reopen: async () => {
      await bus.close();
      bus = openSqliteEventBus({ path, retryBackoffMs: 10 });
      return bus;
    },
    cleanup: async () => {
      await bus.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

describeEventBusContract('embedded SQLite', temporaryBus);

describe('embedded SQLite bus, beyond the contract', () => {
  let fixture: Awaited<ReturnType<typeof temporaryBus>>;
  beforeEach(async () => (fixture = await temporaryBus()));
  afterEach(() => fixture.cleanup());

  it('does not redeliver what a stopped consumer committed', async () => {
    await fixture.bus.publish(
      't',
      ['1', '2', '3'].map((value) => message('k', value)),
    );
    const first = await record(fixture.bus, { groupId: 'g', topics: ['t'] });
    await waitUntil(() => first.received.length === 3, 'three');
    await first.consumer.stop();
    await fixture.bus.publish('t', [message('k', '4')]);
    const second = await record(fixture.bus, { groupId: 'g', topics: ['t'] });
    await waitUntil(() => second.received.length === 1, 'one');
    await second.consumer.stop();
    expect(second.values()).toEqual(['4']);
    expect(second.received[0]?.offset).toBe('3');
  });

  it('queues a second consumer of the same group until the first stops', async () => {
    await fixture.bus.publish('t', [message('k', '1')]);
    const first = await record(fixture.bus, { groupId: 'g', topics: ['t'] });
    const second = await record(fixture.bus, { groupId: 'g', topics: ['t'] });
    await waitUntil(() => first.received.length === 1, 'the first consumer');
    await fixture.bus.publish('t', [message('k', '2')]);
    await waitUntil(() => first.received.length === 2, 'the first consumer again');
    expect(second.received).toEqual([]);
    await first.consumer.stop();
    await fixture.bus.publish('t', [message('k', '3')]);
    await waitUntil(() => second.received.length === 1, 'the second consumer');
    await second.consumer.stop();
    expect(second.values()).toEqual(['3']);
  });

  it('refuses work after close with BUS_CLOSED', async () => {
    await fixture.bus.close();
    await expect(fixture.bus.publish('t', [message('k', '1')])).rejects.toMatchObject({
      code: 'BUS_CLOSED',
    });
  });
});
