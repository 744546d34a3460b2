// The port's messages to and from kafkajs records: keys and header values as UTF-8 strings,
// values as bytes, offsets as decimal strings, timestamps as ISO-8601.
import type { Headers, IncomingMessage, OutgoingMessage } from '@crm/event-bus';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

export function toKafkaMessage(message: OutgoingMessage): Message {
  const { value } = message;
  return {
    key: message.key,
    // A view on the caller's bytes, not a copy.
    value: Buffer.from(value.buffer, value.byteOffset, value.byteLength),
    headers: { ...message.headers },
  };
}

export function toIncomingMessage(
  topic: string,
  partition: number,
  record: KafkaMessage,
): IncomingMessage {
  return {
    topic,
    partition,
    offset: record.offset,
    key: record.key?.toString('utf8') ?? '',
    value: record.value ?? new Uint8Array(0),
    headers: toHeaders(record.headers),
    timestamp: new Date(Number(record.timestamp)).toISOString(),
  };
}

/** kafkajs gives header values as Buffers, and a repeated header as an array: the last one wins. */
export function toHeaders(headers: IHeaders | undefined): Headers {
  const result: Headers = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    if (value === undefined) continue;
    result[name] = typeof value === 'string' ? value : value.toString('utf8');
  }
  return result;
}
