// The one-command run survives kill -9: every change it acknowledged is in the log exactly once
// after a restart, the read models catch up to the log, and the relay has put every event on the
// bus at least once. A graceful restart shows exactly what was shown before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topics } from '@crm/contracts';
import { openSqliteEventBus } from '@crm/event-bus';
import { openSqliteEventStore } from '@crm/event-store';
import { afterAll, describe, expect, it } from 'vitest';
import { client, login, startPlatform } from './platform-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Ack = { customerId: string; op: 'register' | 'tag' | 'rename'; value: string };

/** Writers that keep sending commands until stopped; only 2xx answers count as acknowledged. */
function startWriters(call: ReturnType<typeof client>, count: number, acks: Ack[], prefix: string) {
  let running = true;
  let serial = 0;
  const writer = async (w: number) => {
    const mine: string[] = [];
    while (running) {
      const n = serial++;
      try {
        if (mine.length === 0 || n % 3 === 0) {
          const phone = `137${String(w * 1_000_000 + n).padStart(8, '0')}`;
          const response = await call('POST', '/customers', {
            kind: 'person',
            name: `${prefix}-${n}`,
            phones: [phone],
          });
          if (response.status === 201) {
            mine.push(response.json.id);
            acks.push({ customerId: response.json.id, op: 'register', value: phone });
          }
        } else {
          const customerId = mine[n % mine.length]!;
          if (n % 3 === 1) {
            const tag = `${prefix}-t${n}`;
            const response = await call('POST', `/customers/${customerId}/tags`, { tags: [tag] });
            if (response.status === 200) acks.push({ customerId, op: 'tag', value: tag });
          } else {
            const name = `${prefix}-name-${n}`;
            const response = await call('PATCH', `/customers/${customerId}`, { name });
            if (response.status === 200) acks.push({ customerId, op: 'rename', value: name });
          }
        }
      } catch {
        // The process was killed under us: this command was not acknowledged.
        return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: count }, (_, w) => writer(w)));
  return { stop: async () => ((running = false), await done) };
}

describe('the one-command run', () => {
  it('keeps every acknowledged change exactly once through kill -9 and restarts', async () => {
    const acks: Ack[] = [];
    for (const round of [1, 2]) {
      const platform = await startPlatform(dataDir);
      const call = client(platform.baseUrl, await login(platform.baseUrl));
      const writers = startWriters(call, 8, acks, `r${round}`);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      platform.child.kill('SIGKILL');
      await writers.stop();
      await platform.exited;
    }
    expect(acks.length).toBeGreaterThan(50);

    // Restart and check the log through the API and the read models.
    const platform = await startPlatform(dataDir);
    const call = client(platform.baseUrl, await login(platform.baseUrl));
    const byCustomer = Map.groupBy(acks, (ack) => ack.customerId);
    for (const [customerId, customerAcks] of byCustomer) {
      const timeline = await call('GET', `/customers/${customerId}/timeline?limit=500`);
      expect(timeline.status).toBe(200);
      const entries = timeline.json.items as {
        type: string;
        data: { tags: string[]; changes: { name?: string } };
      }[];
      expect(entries.filter((entry) => entry.type === 'CustomerRegistered')).toHaveLength(1);
      for (const ack of customerAcks) {
        if (ack.op === 'tag') {
          const tagged = entries.filter(
            (entry) => entry.type === 'CustomerTagged' && entry.data.tags.includes(ack.value),
          );
          expect(tagged, `tag ${ack.value}`).toHaveLength(1);
        }
        if (ack.op === 'rename') {
          const renamed = entries.filter(
            (entry) => entry.type === 'ProfileUpdated' && entry.data.changes.name === ack.value,
          );
          expect(renamed, `rename ${ack.value}`).toHaveLength(1);
        }
      }
      // The detail read model reflects the whole stream.
      const detail = await call(
        'GET',
        `/customers/${customerId}?waitForRevision=${entries.length - 1}`,
      );
      expect(detail.status).toBe(200);
      expect(detail.json.revision).toBe(entries.length - 1);
    }

    // A graceful restart shows exactly what was shown before.
    const before = await call('GET', '/customers?status=all&limit=200&sort=createdAt');
    const statsBefore = await call('GET', '/customers/stats?by=tags&status=all');
    platform.child.kill('SIGTERM');
    expect(await platform.exited).toBe(0);
    const again = await startPlatform(dataDir);
    const callAgain = client(again.baseUrl, await login(again.baseUrl));
    expect((await callAgain('GET', '/customers?status=all&limit=200&sort=createdAt')).json).toEqual(
      before.json,
    );
    expect((await callAgain('GET', '/customers/stats?by=tags&status=all')).json).toEqual(
      statsBefore.json,
    );
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);

    // Every event in the log reached the topic at least once (the relay resumes after kills).
    const log = openSqliteEventStore({ path: join(dataDir, 'customers', 'events.sqlite') });
    const customerEvents = await log.readAll({ filter: { categories: ['customer'] } });
    await log.close();
    const bus = openSqliteEventBus({ path: join(dataDir, 'bus.sqlite') });
    const seen = new Set<string>();
    const consumer = await bus.subscribe({
      groupId: 'e2e-verify',
      topics: [topics.customers],
      handle: (message) => {
        seen.add(message.headers.ce_id ?? '');
        return Promise.resolve();
      },
    });
    const deadline = Date.now() + 10_000;
    while (seen.size < customerEvents.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await consumer.stop();
    await bus.close();
    expect(customerEvents.filter((event) => !seen.has(event.id))).toEqual([]);
  }, 120_000);
});
