import { describe, expect, it } from 'vitest';
import { CaughtUpTracker } from './caught-up-tracker.ts';

/** Receives and handles events at these positions, returning what each reported. */
const deliver = (tracker: CaughtUpTracker, positions: number[]) =>
  positions.map((position) => {
    tracker.received();
    return tracker.handled(position);
  });

describe('CaughtUpTracker', () => {
  it('is caught up at once when nothing lies past the checkpoint', () => {
    expect(new CaughtUpTracker(500, 500).start()).toBe(500);
    expect(new CaughtUpTracker(500, 300).start()).toBe(500);
  });

  it('is caught up when the event at the head seen at start is handled, once', () => {
    const tracker = new CaughtUpTracker(100, 300);
    expect(tracker.start()).toBeUndefined();
    expect(deliver(tracker, [200, 300, 400])).toEqual([undefined, 300, undefined]);
  });

  it('waits for the events buffered before the server said caught up', () => {
    const tracker = new CaughtUpTracker(0, 900);
    tracker.start();
    expect(tracker.serverCaughtUp(2)).toBeUndefined();
    expect(deliver(tracker, [100, 200])).toEqual([undefined, 900]);
  });

  it('counts the event in the handler as received before the signal', () => {
    const tracker = new CaughtUpTracker(0, 900);
    tracker.received();
    expect(tracker.serverCaughtUp(0)).toBeUndefined();
    expect(tracker.handled(100)).toBe(900);
  });

  it('reports at once when the server says caught up with nothing pending', () => {
    const tracker = new CaughtUpTracker(0, 900);
    deliver(tracker, [100]);
    expect(tracker.serverCaughtUp(0)).toBe(900);
  });

  it('takes a checkpoint at or past the head as caught up, but reports an event position', () => {
    const tracker = new CaughtUpTracker(0, 900);
    deliver(tracker, [100]);
    expect(tracker.checkpoint(0, 850)).toBeUndefined();
    expect(tracker.checkpoint(0, 1_000)).toBe(900);
  });

  it('reports again only when a later signal finds it further on', () => {
    const tracker = new CaughtUpTracker(0, 900);
    expect(tracker.serverCaughtUp(0)).toBe(900);
    expect(tracker.checkpoint(0, 1_000)).toBeUndefined();
    deliver(tracker, [1_200]);
    expect(tracker.checkpoint(0, 1_300)).toBe(1_200);
    expect(tracker.serverCaughtUp(0)).toBeUndefined();
  });

  it('counts skipped events without a position', () => {
    const tracker = new CaughtUpTracker(0, 900);
    tracker.received();
    tracker.received();
    expect(tracker.serverCaughtUp(0)).toBeUndefined();
    expect(tracker.handled(undefined)).toBeUndefined();
    expect(tracker.handled(undefined)).toBe(900);
  });
});
