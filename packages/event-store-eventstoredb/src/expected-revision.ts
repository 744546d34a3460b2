// The port's expected revision and conflict error in the client's terms, both ways.
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
} from '@eventstore/db-client';
import { WrongExpectedRevision, type ExpectedRevision } from '@crm/event-store';

export function toAppendExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
  }
  // -1 is what WrongExpectedRevision reports for a missing stream, so it reads as "no stream".
  if (expected === -1) return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < -1) {
    throw new TypeError(`invalid expected revision: ${String(expected)}`);
  }
  return BigInt(expected);
}

/** The stream's current revision as the port counts it: -1 when it does not exist. */
export const toActualRevision = (current: bigint | typeof NO_STREAM): number =>
  current === NO_STREAM ? -1 : Number(current);

/** The port's WrongExpectedRevision for the client's conflict; any other error unchanged. */
export function toPortAppendError(
  error: unknown,
  streamId: string,
  expected: ExpectedRevision,
): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  return new WrongExpectedRevision(streamId, expected, toActualRevision(error.actualVersion));
}

/** Whether a stream at revision `actual` (-1: missing) meets `expected`. */
export function isExpectedRevisionMet(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === -1;
    case 'stream_exists':
      return actual >= 0;
    default:
      return actual === expected;
  }
}
