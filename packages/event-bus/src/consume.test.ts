import { cloudEventEnvelopeSchema, UnreadableMessage } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { deadLetterMessage, errorCode, retryDecision } from './consume.ts';
import type { IncomingMessage } from './event-bus.ts';
import { isPermanentError, PermanentError } from './permanent-error.ts';

const policy = { maxAttempts: 5, backoffMs: 200, maxBackoffMs: 1000 };
const zodError = (() => {
  try {
    cloudEventEnvelopeSchema.parse({});
  } catch (error) {
    return error;
  }
  throw new Error('expected the schema to refuse an empty object');
})();

describe('retryDecision', () => {
  it('retries a transient failure with a doubling delay, capped', () => {
    const delays = [1, 2, 3, 4].map((attempt) => retryDecision(new Error('busy'), attempt, policy));
    expect(delays).toEqual([
      { action: 'retry', delayMs: 200 },
      { action: 'retry', delayMs: 400 },
      { action: 'retry', delayMs: 800 },
      { action: 'retry', delayMs: 1000 },
    ]);
  });

  it('parks after the last attempt', () => {
    expect(retryDecision(new Error('busy'), 5, policy)).toEqual({ action: 'dead-letter' });
  });

  it.each([
    ['an unreadable message', new UnreadableMessage('not a CloudEvent')],
    ['a PermanentError', new PermanentError('UNKNOWN_CUSTOMER', 'no such customer')],
    ['an error marked permanent', Object.assign(new Error('bad'), { permanent: true })],
    ['a zod error', zodError],
  ])('parks %s at once', (_name, error) => {
    expect(isPermanentError(error)).toBe(true);
    expect(retryDecision(error, 1, policy)).toEqual({ action: 'dead-letter' });
  });

  it.each([new Error('busy'), 'a string', null, { permanent: 'yes' }])(
    'treats %s as transient',
    (error) => expect(isPermanentError(error)).toBe(false),
  );
});

describe('deadLetterMessage', () => {
  const original: IncomingMessage = {
    topic: 'crm.customers.v1',
    partition: 2,
    offset: '41',
    key: 'customer-1',
    value: new Uint8Array([1, 2, 3]),
    headers: { ce_id: 'e-1', dlq_attempts: 'stale' },
    timestamp: '2025-01-01T00:00:00.000Z',
  };

  it('keeps key, bytes and headers, and says where, who, why and when', () => {
    const failedAt = new Date('2025-02-03T04:05:06.007Z');
    const parked = deadLetterMessage(
      original,
      'analytics',
      new Error('x'.repeat(5000)),
      5,
      failedAt,
    );
    expect(parked.key).toBe('customer-1');
    expect(parked.value).toBe(original.value);
    expect(parked.headers).toEqual({
      ce_id: 'e-1',
      dlq_original_topic: 'crm.customers.v1',
      dlq_original_partition: '2',
      dlq_original_offset: '41',
      dlq_group: 'analytics',
      dlq_error_code: 'HANDLER_FAILED',
      dlq_error_message: 'x'.repeat(1000),
      dlq_attempts: '5',
      dlq_failed_at: '2025-02-03T04:05:06.007Z',
    });
  });

  it('uses the error code when there is one', () => {
    expect(errorCode(new UnreadableMessage('bad'))).toBe('UNREADABLE_MESSAGE');
    expect(errorCode(new PermanentError('UNKNOWN_CUSTOMER', 'no'))).toBe('UNKNOWN_CUSTOMER');
    expect(errorCode(zodError)).toBe('INVALID_MESSAGE');
    expect(errorCode('thrown string')).toBe('HANDLER_FAILED');
  });
});
