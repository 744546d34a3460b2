import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { toHeaders, toIncomingMessage, toKafkaMessage } from './kafka-message.ts';

// A record-batch entry, as brokers since Kafka 0.11 send them.
const record = (): KafkaMessage => ({
  key: Buffer.from('customer-1'),
  value: Buffer.from([0, 255, 7]),
  timestamp: '1735758245000',
  attributes: 0,
  offset: '9007199254740993',
  headers: {},
});

describe('kafka messages', () => {
  it('reads a record as the port sees it', () => {
    const incoming = toIncomingMessage('crm.customers.v1', 2, record());
    expect(incoming).toMatchObject({
      topic: 'crm.customers.v1',
      partition: 2,
      offset: '9007199254740993', // past 2^53: kept as the broker's decimal string
      key: 'customer-1',
      timestamp: '2025-01-01T19:04:05.000Z',
    });
    expect(Array.from(incoming.value)).toEqual([0, 255, 7]);
  });

  it('turns header Buffers into UTF-8 strings, the last of a repeated header winning', () => {
    expect(
      toHeaders({
        ce_id: Buffer.from('id-1'),
        city: Buffer.from('杭州'),
        plain: 'text',
        repeated: [Buffer.from('first'), Buffer.from('last')],
        missing: undefined,
      }),
    ).toEqual({ ce_id: 'id-1', city: '杭州', plain: 'text', repeated: 'last' });
  });

  it('reads a record without key, value or headers as empty ones', () => {
    // A legacy message-set entry has no headers at all.
    const bare: KafkaMessage = {
      key: null,
      value: null,
      timestamp: '0',
      attributes: 0,
      offset: '0',
      size: 0,
    };
    const incoming = toIncomingMessage('t', 0, bare);
    expect(incoming).toMatchObject({ key: '', headers: {} });
    expect(incoming.value).toHaveLength(0);
  });

  it('writes the caller bytes without copying them and the headers as given', () => {
    const backing = new Uint8Array([9, 1, 2, 3, 9]);
    const value = backing.subarray(1, 4);
    const kafkaMessage = toKafkaMessage({ key: 'k', value, headers: { a: 'b' } });
    expect(kafkaMessage.key).toBe('k');
    expect(Array.from(kafkaMessage.value as Buffer)).toEqual([1, 2, 3]);
    expect((kafkaMessage.value as Buffer).buffer).toBe(backing.buffer);
    expect(kafkaMessage.headers).toEqual({ a: 'b' });
  });
});
