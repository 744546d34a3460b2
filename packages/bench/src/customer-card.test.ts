import type { RecordedEvent } from '@crm/event-store';
import type { Versioned } from '@crm/read-store';
import { describe, expect, it } from 'vitest';
import { evolveCard, foldBatch, type CustomerCard } from './customer-card.ts';

let position = 0;
const event = (customer: string, revision: number, type: string, data: object): RecordedEvent => ({
  id: `e-${++position}`,
  streamId: `customer-${customer}`,
  type,
  revision,
  position,
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: 'u-test' },
  recordedAt: `2026-01-01T00:00:${String(position).padStart(2, '0')}.000Z`,
});

const registered = (customer: string) =>
  event(customer, 0, 'CustomerRegistered', {
    name: '张三',
    phones: ['13900000001'],
    address: { province: '广东省' },
  });

describe('evolveCard', () => {
  it('folds a customer history into one card', () => {
    const card = [
      registered('a'),
      event('a', 1, 'CustomerTagged', { tags: ['重点', 'vip'] }),
      event('a', 2, 'CustomerTagged', { tags: ['vip', '新'] }),
      event('a', 3, 'CustomerClassified', { valueTier: 'A' }),
      event('a', 4, 'InteractionLogged', { kind: 'call' }),
      event('a', 5, 'CustomerRenamed', { name: '张三丰' }),
      event('a', 6, 'SomethingUnknown', {}),
    ].reduce<CustomerCard | undefined>(evolveCard, undefined);
    expect(card).toMatchObject({
      _id: 'a',
      name: '张三丰',
      phones: ['13900000001'],
      tags: ['重点', 'vip', '新'],
      province: '广东省',
      valueTier: 'A',
      interactions: 1,
    });
  });
});

describe('foldBatch', () => {
  it('writes each customer once, at the revision of its last event, as folding one by one would', () => {
    const events = [
      registered('a'),
      registered('b'),
      event('a', 1, 'CustomerRenamed', { name: '李四' }),
      event('b', 1, 'CustomerTagged', { tags: ['t'] }),
      event('a', 2, 'InteractionLogged', {}),
    ];
    const writes = foldBatch(events, new Map());
    expect(writes.map((write) => [write.doc._id, write.version])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    const oneByOne = events
      .filter((e) => e.streamId === 'customer-a')
      .reduce<CustomerCard | undefined>(evolveCard, undefined);
    expect(writes[0]?.doc).toEqual(oneByOne);
  });

  it('skips events the stored card already has and writes nothing when all are replays', () => {
    const first = registered('a');
    const stored = new Map<string, Versioned<CustomerCard>>([
      ['a', { doc: evolveCard(undefined, first), version: 1 }],
    ]);
    expect(foldBatch([first, event('a', 1, 'CustomerRenamed', { name: 'x' })], stored)).toEqual([]);
    const [write] = foldBatch([event('a', 2, 'CustomerRenamed', { name: '王五' })], stored);
    expect(write?.version).toBe(2);
    expect(write?.doc.name).toBe('王五');
    expect(write?.doc.phones).toEqual(['13900000001']);
  });
});
