// kill -9 in the middle of a stream of appends, three times on the same file: every append the
// child acknowledged is there once, at the position it was given, and the store carries on.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppendResult, RecordedEvent } from '../event-store.ts';
import { newEvent, waitUntil } from '../testing/contract/contract-context.ts';
import { openSqliteEventStore } from './sqlite-event-store.ts';

const CHILD = fileURLToPath(new URL('./fixtures/append-until-killed.ts', import.meta.url));

interface Ack extends AppendResult {
  streamId: string;
  ids: string[];
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'event-store-crash-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function appendUntilKilled(path: string, run: number): Promise<Ack[]> {
  const child = spawn(process.execPath, [CHILD, path, String(run)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  await waitUntil(
    'the child acknowledges appends',
    () => {
      if (child.exitCode !== null) throw new Error(`child exited early: ${stderr}`);
      return stdout.includes('\n');
    },
    15_000,
  );
  await sleep(1_500);
  child.kill('SIGKILL');
  const [, signal] = await closed;
  expect(signal).toBe('SIGKILL');
  // The last line may have been cut by the kill: it was never acknowledged in full.
  return stdout
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Ack);
}

function expectAcknowledged(events: RecordedEvent[], acks: Ack[]): void {
  const byId = new Map(events.map((event) => [event.id, event]));
  for (const ack of acks) {
    const stored = ack.ids.map((id) => byId.get(id));
    expect(stored.map((event) => event?.streamId)).toEqual(ack.ids.map(() => ack.streamId));
    const first = ack.nextExpectedRevision - ack.ids.length + 1;
    expect(stored.map((event) => event?.revision)).toEqual(ack.ids.map((_, i) => first + i));
    expect(stored.at(-1)?.position).toBe(ack.position);
  }
}

function expectWellFormed(events: RecordedEvent[]): void {
  expect(events.map(({ position }) => position)).toEqual(events.map((_, index) => index + 1));
  expect(new Set(events.map(({ id }) => id)).size).toBe(events.length);
  const revisions = new Map<string, number>();
  for (const { streamId, revision } of events) {
    expect(revision).toBe((revisions.get(streamId) ?? -1) + 1);
    revisions.set(streamId, revision);
  }
}

it('keeps every acknowledged append through three kill -9s', { timeout: 90_000 }, async () => {
  const path = join(dir, 'events.db');
  const acks: Ack[] = [];
  for (let run = 0; run < 3; run++) {
    const acknowledged = await appendUntilKilled(path, run);
    expect(acknowledged.length).toBeGreaterThan(50);
    acks.push(...acknowledged);

    const store = openSqliteEventStore({ path });
    const events = await store.readAll();
    expectWellFormed(events);
    expectAcknowledged(events, acks);
    const next = await store.append(`check-${run}`, [newEvent()], {
      expectedRevision: 'no_stream',
    });
    expect(next.position).toBe(events.length + 1);
    await store.close();
  }
});
