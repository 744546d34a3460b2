import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { isWrongExpectedRevision, type ExpectedRevision } from '@crm/event-store';
import {
  isExpectedRevisionMet,
  toAppendExpectedRevision,
  toPortAppendError,
} from './expected-revision.ts';

describe('toAppendExpectedRevision', () => {
  it.each<[ExpectedRevision, unknown]>([
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    ['any', ANY],
    [-1, NO_STREAM],
    [0, 0n],
    [41, 41n],
    [Number.MAX_SAFE_INTEGER, BigInt(Number.MAX_SAFE_INTEGER)],
  ])('maps %o to %o', (expected, client) => {
    expect(toAppendExpectedRevision(expected)).toBe(client);
  });

  it.each([-2, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %o', (expected) => {
    expect(() => toAppendExpectedRevision(expected)).toThrow(TypeError);
  });
});

describe('toPortAppendError', () => {
  const conflict = (current: bigint | typeof NO_STREAM) =>
    new WrongExpectedVersionError(undefined, {
      streamName: 'customer-1',
      expected: 'no_stream',
      current,
    });

  it('turns a conflict on an existing stream into WrongExpectedRevision with its revision', () => {
    const error = toPortAppendError(conflict(3n), 'customer-1', 'no_stream');
    expect(isWrongExpectedRevision(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      streamId: 'customer-1',
      expected: 'no_stream',
      actual: 3,
    });
  });

  it('reports a missing stream as actual -1, under the port stream id', () => {
    const error = toPortAppendError(conflict(NO_STREAM), 'customer-1', 7);
    expect(error).toMatchObject({ streamId: 'customer-1', expected: 7, actual: -1 });
  });

  it('passes any other error through unchanged', () => {
    const unavailable = new UnavailableError();
    expect(toPortAppendError(unavailable, 'customer-1', 'any')).toBe(unavailable);
    const plain = new Error('boom');
    expect(toPortAppendError(plain, 'customer-1', 'any')).toBe(plain);
  });
});

describe('isExpectedRevisionMet', () => {
  it.each<[ExpectedRevision, number, boolean]>([
    ['any', -1, true],
    ['any', 4, true],
    ['no_stream', -1, true],
    ['no_stream', 0, false],
    ['stream_exists', -1, false],
    ['stream_exists', 0, true],
    [2, 2, true],
    [2, 3, false],
    [0, -1, false],
  ])('%o against revision %i: %o', (expected, actual, met) => {
    expect(isExpectedRevisionMet(expected, actual)).toBe(met);
  });
});
