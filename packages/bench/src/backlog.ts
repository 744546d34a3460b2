// A log as a CRM accumulates it: many customers, each with a few events, written over time so
// that one customer's events are far apart in the global order (every customer's first event,
// then every customer's second, ...). Appended straight to the store, as fast as it takes them.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EventStore, EventToAppend } from '@crm/event-store';

const PROVINCES = [
  ['广东省', '深圳市'],
  ['浙江省', '杭州市'],
  ['江苏省', '苏州市'],
  ['四川省', '成都市'],
] as const;

/** Event `round` (0, 1, 2, ...) of customer number `n`: what a customer's history looks like. */
export function customerEvent(customerId: string, n: number, round: number): EventToAppend {
  const metadata = { correlationId: randomUUID(), causationId: randomUUID(), actor: 'u-bench' };
  const id = randomUUID();
  const [province, city] = PROVINCES[n % PROVINCES.length]!;
  switch (round % 5) {
    case 0:
      return {
        id,
        type: 'CustomerRegistered',
        metadata,
        data: {
          customerId,
          kind: 'person',
          name: `压测客户${String(n).padStart(6, '0')}`,
          phones: [`139${String(n).padStart(8, '0')}`],
          emails: [`customer${n}@example.cn`],
          address: { province, city, district: '南山区', line: `科技园路${n % 100}号` },
          registeredAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
        },
      };
    case 1:
      return {
        id,
        type: 'CustomerTagged',
        metadata,
        data: { customerId, tags: ['重点', `批次${n % 10}`] },
      };
    case 2:
      return {
        id,
        type: 'CustomerClassified',
        metadata,
        data: { customerId, size: 'medium', valueTier: 'ABC'[n % 3], lifecycleStage: 'prospect' },
      };
    case 3:
      return {
        id,
        type: 'InteractionLogged',
        metadata,
        data: {
          customerId,
          kind: 'call',
          summary: '电话回访，客户对报价有兴趣',
          durationMinutes: n % 30,
        },
      };
    default:
      return {
        id,
        type: 'CustomerRenamed',
        metadata,
        data: { customerId, name: `压测客户${n}号` },
      };
  }
}

export interface BacklogOptions {
  customers: number;
  eventsPerCustomer: number;
  /** Appends in flight at once (group commit batches them). */
  inFlight: number;
}

export interface Backlog {
  events: number;
  customers: number;
  head: number;
  appendsPerSecond: number;
}

/** Appends `customers * eventsPerCustomer` events, one per append, to `customer-<uuid>` streams. */
export async function fillBacklog(store: EventStore, options: BacklogOptions): Promise<Backlog> {
  const ids = Array.from({ length: options.customers }, () => randomUUID());
  const started = performance.now();
  for (let round = 0; round < options.eventsPerCustomer; round++) {
    for (let from = 0; from < ids.length; from += options.inFlight) {
      const chunk = ids.slice(from, from + options.inFlight);
      await Promise.all(
        chunk.map((customerId, i) =>
          store.append(`customer-${customerId}`, [customerEvent(customerId, from + i, round)], {
            expectedRevision: round === 0 ? 'no_stream' : round - 1,
          }),
        ),
      );
    }
  }
  const events = options.customers * options.eventsPerCustomer;
  return {
    events,
    customers: options.customers,
    head: await store.headPosition(),
    appendsPerSecond: events / ((performance.now() - started) / 1_000),
  };
}
