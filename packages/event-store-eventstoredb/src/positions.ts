// The port's global position is the event's $all commit position. ESDB positions are byte offsets
// in the transaction log: strictly increasing but not consecutive, which is all the port promises.
// They are bigints on the wire and exact as numbers below 2^53 (8 PiB of log).
import { START, type ReadPosition } from '@eventstore/db-client';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

export function toPortPosition(commit: bigint): number {
  // Servers that do not report a position send ulong.MaxValue, which lands here too.
  if (commit < 0n || commit > MAX) {
    throw new RangeError(`$all position ${commit} is not a safe integer (missing or too large)`);
  }
  return Number(commit);
}

/**
 * Where to start reading for "after `after`". Since 20.x each event's commit and prepare
 * positions are equal, so {after, after} is the event itself: reads include it, callers drop it.
 * (Events of legacy TCP explicit transactions share one commit position; they are not supported.)
 */
export function toReadPosition(after: number): ReadPosition {
  if (!Number.isSafeInteger(after) || after < 0) {
    throw new RangeError(`a position is a non-negative safe integer, got ${after}`);
  }
  if (after === 0) return START;
  const position = BigInt(after);
  return { commit: position, prepare: position };
}
