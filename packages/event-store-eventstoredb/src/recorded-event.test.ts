import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import type { EventMetadata, EventToAppend } from '@crm/event-store';
import {
  fromEsdbMetadata,
  toEsdbMetadata,
  toEventData,
  toRecordedEvent,
} from './recorded-event.ts';
import { StreamNames } from './stream-names.ts';

const metadata: EventMetadata = {
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: 'user:42',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
};

/** What the client does on the wire: JSON out, JSON back in. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('metadata', () => {
  it('is written under ESDB correlation names', () => {
    expect(toEsdbMetadata(metadata)).toEqual({
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
      actor: 'user:42',
      traceparent: metadata.traceparent,
    });
  });

  it.each([
    ['with a traceparent', metadata],
    ['without one', { correlationId: 'c', causationId: 'k', actor: 'system:relay' }],
  ])('round-trips %s', (_, original) => {
    expect(fromEsdbMetadata(overTheWire(toEsdbMetadata(original)))).toEqual(original);
  });

  it.each([
    ['missing', undefined],
    ['binary', new Uint8Array([1, 2])],
    ['of the wrong types', { $correlationId: 7, actor: null }],
  ])('reads metadata %s as empty fields', (_, raw) => {
    expect(fromEsdbMetadata(raw)).toEqual({ correlationId: '', causationId: '', actor: '' });
  });
});

describe('toEventData', () => {
  const event: EventToAppend = {
    id: '6f1c1b0e-3a53-4a8e-9f3f-3f2f5b8f0c11',
    type: 'CustomerRegistered',
    data: { name: '张三', tags: ['vip'], note: null },
    metadata,
  };

  it('is a JSON event with the port id, type and data', () => {
    expect(toEventData(event)).toEqual({
      id: event.id,
      contentType: 'application/json',
      type: 'CustomerRegistered',
      data: event.data,
      metadata: toEsdbMetadata(metadata),
    });
  });

  it('stores undefined data as null', () => {
    expect(toEventData({ ...event, data: undefined }).data).toBeNull();
  });
});

describe('toRecordedEvent', () => {
  const created = new Date('2026-11-05T10:20:30.456Z');
  const resolved = (streamId: string, type = 'DealWon'): AllStreamResolvedEvent => ({
    event: {
      streamId,
      id: '0b7e6a43-8f7c-4a8e-a0a1-2b2f7f0f6d10',
      isJson: true,
      revision: 3n,
      type,
      created,
      data: { amount: 12.5 },
      metadata: overTheWire(toEsdbMetadata(metadata)) as Record<string, unknown>,
      position: { commit: 81_920n, prepare: 81_920n },
    },
    commitPosition: 81_920n,
  });

  it('maps an ESDB event to the port event', () => {
    expect(toRecordedEvent(resolved('crm_deal-7'), new StreamNames('crm_'))).toEqual({
      id: '0b7e6a43-8f7c-4a8e-a0a1-2b2f7f0f6d10',
      streamId: 'deal-7',
      type: 'DealWon',
      revision: 3,
      position: 81_920,
      data: { amount: 12.5 },
      metadata,
      recordedAt: '2026-11-05T10:20:30.456Z',
    });
  });

  it.each([
    ['a system event', 'deal-7', '$metadata'],
    ['an event in a system stream', '$ce-deal', 'DealWon'],
  ])('skips %s', (_, streamId, type) => {
    expect(toRecordedEvent(resolved(streamId, type), new StreamNames())).toBeUndefined();
  });

  it('skips streams outside the prefix', () => {
    expect(toRecordedEvent(resolved('deal-7'), new StreamNames('crm_'))).toBeUndefined();
  });

  it('skips a resolved entry without an event', () => {
    expect(toRecordedEvent({}, new StreamNames())).toBeUndefined();
  });

  it('refuses an event the server gave no usable position', () => {
    const sentinel = resolved('deal-7');
    sentinel.event!.position = { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };
    expect(() => toRecordedEvent(sentinel, new StreamNames())).toThrow(RangeError);
  });
});
