// Small tools the bus suites share: unique names, byte helpers, a recorder and a patient wait.
import { randomUUID } from 'node:crypto';
import type { Consumer, EventBus, IncomingMessage, OutgoingMessage } from '../event-bus.ts';

/** What each group of contract tests gets: the bus of the current test, and a way to reopen it. */
export interface BusContext {
  bus(): EventBus;
  reopen(): Promise<EventBus>;
}

/** Per test: leaves room for a real Kafka (group joins, topic creation). */
export const contractTimeout = 30_000;

export const uniqueName = (prefix: string): string =>
  `${prefix}.${randomUUID().replaceAll('-', '').slice(0, 12)}`;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const bytes = (text: string): Uint8Array => encoder.encode(text);
export const text = (value: Uint8Array): string => decoder.decode(value);

export const message = (key: string, value: string, headers = {}): OutgoingMessage => ({
  key,
  value: bytes(value),
  headers,
});

/** Waits until `condition` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface Recording {
  received: IncomingMessage[];
  values: () => string[];
  consumer: Consumer;
}

/** Subscribes a group that records every message it handles. */
export async function record(
  bus: EventBus,
  options: { groupId: string; topics: readonly string[]; from?: 'earliest' | 'latest' },
): Promise<Recording> {
  const received: IncomingMessage[] = [];
  const consumer = await bus.subscribe({
    ...options,
    handle: (incoming) => {
      received.push(incoming);
      return Promise.resolve();
    },
  });
  return { received, values: () => received.map((incoming) => text(incoming.value)), consumer };
}

/** Values per key, in the order they were received. */
export function byKey(received: readonly IncomingMessage[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const incoming of received) (groups[incoming.key] ??= []).push(text(incoming.value));
  return groups;
}
