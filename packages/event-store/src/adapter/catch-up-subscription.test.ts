import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../event-store.ts';
import {
  CatchUpSubscription,
  type CatchUpRange,
  type CatchUpSource,
} from './catch-up-subscription.ts';

/** An in-memory log: every `every`-th position is a `rare` event, the rest `common`. */
function log(size: number, every: number) {
  const events = Array.from({ length: size }, (_, index): RecordedEvent => {
    const position = index + 1;
    const category = position % every === 0 ? 'rare' : 'common';
    return {
      id: `e-${position}`,
      streamId: `${category}-${position}`,
      type: 'Happened',
      revision: 0,
      position,
      data: null,
      metadata: { correlationId: 'c', causationId: 'c', actor: 'u' },
      recordedAt: '2026-01-01T00:00:00.000Z',
    };
  });
  const reads: CatchUpRange[] = [];
  const source: CatchUpSource = {
    head: () => events.length,
    read: (range) => {
      reads.push(range);
      return events
        .filter(
          (event) =>
            event.position > range.after &&
            event.position <= range.upTo &&
            (range.categories?.includes(event.streamId.split('-')[0]!) ?? true),
        )
        .slice(0, range.maxCount);
    },
  };
  return { events, source, reads };
}

async function catchUp(source: CatchUpSource, categories?: string[]) {
  const delivered: number[] = [];
  const caughtUp = Promise.withResolvers<number>();
  const subscription = new CatchUpSubscription(
    source,
    {
      after: 0,
      ...(categories ? { filter: { categories } } : {}),
      onEvent: (event) => Promise.resolve(void delivered.push(event.position)),
      onCaughtUp: caughtUp.resolve,
    },
    100,
  );
  const head = await caughtUp.promise;
  await subscription.stop();
  return { delivered, head };
}

describe('CatchUpSubscription', () => {
  it('delivers a rare category across many windows, in order, and reports the head', async () => {
    const { source, reads } = log(10_000, 997);
    const { delivered, head } = await catchUp(source, ['rare']);
    expect(delivered).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 997));
    expect(head).toBe(10_000);
    // No read spans more than 4 batches of positions.
    expect(Math.max(...reads.map((range) => range.upTo - range.after))).toBeLessThanOrEqual(400);
  });

  it('delivers every event once when nothing is filtered', async () => {
    const { source } = log(2_345, 7);
    const { delivered } = await catchUp(source);
    expect(delivered).toEqual(Array.from({ length: 2_345 }, (_, i) => i + 1));
  });
});
