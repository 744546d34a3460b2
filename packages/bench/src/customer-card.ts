// The bench's projection: what a real read model does, with none of the customers service's code.
// ONE document per customer, folded from its events, each write guarded by the stream revision
// of the last event folded in, so a replayed event changes nothing.
import { aggregateIdOf, type Projection } from '@crm/event-processing';
import type { RecordedEvent } from '@crm/event-store';
import type { Document, Versioned } from '@crm/read-store';

export const CARDS = 'bench_customer_cards';

export interface CustomerCard extends Document {
  name: string;
  phones: string[];
  tags: string[];
  province: string | null;
  valueTier: string | null;
  interactions: number;
  updatedAt: string;
}

type Data = Record<string, unknown>;
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

export function evolveCard(card: CustomerCard | undefined, event: RecordedEvent): CustomerCard {
  const data = (event.data ?? {}) as Data;
  const current: CustomerCard = card ?? {
    _id: aggregateIdOf(event.streamId),
    name: '',
    phones: [],
    tags: [],
    province: null,
    valueTier: null,
    interactions: 0,
    updatedAt: event.recordedAt,
  };
  const next = { ...current, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'CustomerRegistered': {
      const address = (data.address ?? {}) as Data;
      const province = typeof address.province === 'string' ? address.province : null;
      return { ...next, name: String(data.name), phones: strings(data.phones), province };
    }
    case 'CustomerRenamed':
      return { ...next, name: String(data.name) };
    case 'CustomerTagged':
      return { ...next, tags: [...new Set([...current.tags, ...strings(data.tags)])] };
    case 'CustomerClassified':
      return { ...next, valueTier: typeof data.valueTier === 'string' ? data.valueTier : null };
    case 'InteractionLogged':
      return { ...next, interactions: current.interactions + 1 };
    default:
      return current;
  }
}

/**
 * Folds a run of consecutive events onto the stored documents: one write per customer, versioned
 * with the revision of its last event; events at or below a stored version are skipped.
 */
export function foldBatch(
  events: readonly RecordedEvent[],
  stored: ReadonlyMap<string, Versioned<CustomerCard>>,
): { doc: CustomerCard; version: number }[] {
  const folded = new Map<string, { doc: CustomerCard; version: number }>();
  for (const event of events) {
    const id = aggregateIdOf(event.streamId);
    const current = folded.get(id) ?? stored.get(id);
    if (current !== undefined && current.version >= event.revision) continue;
    folded.set(id, { doc: evolveCard(current?.doc, event), version: event.revision });
  }
  return [...folded.values()];
}

export interface CountedProjection extends Projection {
  /** How the projector drove it (events to `handle`, `handleBatch` calls and events) and writes. */
  calls: { handle: number; batches: number; batchedEvents: number; writes: number };
}

export function customerCardProjection(): CountedProjection {
  const calls = { handle: 0, batches: 0, batchedEvents: 0, writes: 0 };
  return {
    name: 'bench-customer-cards',
    version: 1,
    categories: ['customer'],
    collections: [CARDS],
    calls,
    handle: async (event, store) => {
      calls.handle++;
      const cards = store.collection<CustomerCard>(CARDS);
      const stored = await cards.getVersioned(aggregateIdOf(event.streamId));
      if (stored !== null && stored.version >= event.revision) return;
      if (await cards.put(evolveCard(stored?.doc, event), event.revision)) calls.writes++;
    },
    handleBatch: async (events, store) => {
      calls.batches++;
      calls.batchedEvents += events.length;
      const cards = store.collection<CustomerCard>(CARDS);
      const ids = [...new Set(events.map((event) => aggregateIdOf(event.streamId)))];
      const writes = foldBatch(events, await cards.getManyVersioned(ids));
      if (writes.length > 0) calls.writes += await cards.putMany(writes);
    },
  };
}
