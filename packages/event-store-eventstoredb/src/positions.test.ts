import { START } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { toPortPosition, toReadPosition } from './positions.ts';

describe('toPortPosition', () => {
  it.each([
    [0n, 0],
    [1_234_567n, 1_234_567],
    [BigInt(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
  ])('keeps %o exact as %o', (commit, position) => {
    expect(toPortPosition(commit)).toBe(position);
  });

  it.each([
    ['past 2^53', BigInt(Number.MAX_SAFE_INTEGER) + 1n],
    ['the "no position" sentinel', 2n ** 64n - 1n],
    ['negative', -1n],
  ])('refuses a position %s', (_, commit) => {
    expect(() => toPortPosition(commit)).toThrow(RangeError);
  });
});

describe('toReadPosition', () => {
  it('reads from the start for 0', () => {
    expect(toReadPosition(0)).toBe(START);
  });

  it('reads from the event at that position (commit = prepare)', () => {
    expect(toReadPosition(40_960)).toEqual({ commit: 40_960n, prepare: 40_960n });
  });

  it.each([-1, 2.5, Number.NaN, 2 ** 53])('refuses %o', (after) => {
    expect(() => toReadPosition(after)).toThrow(RangeError);
  });

  it('round-trips with toPortPosition', () => {
    const read = toReadPosition(987_654_321);
    if (typeof read === 'string') throw new Error(`expected a position, got ${read}`);
    expect(toPortPosition(read.commit)).toBe(987_654_321);
  });
});
