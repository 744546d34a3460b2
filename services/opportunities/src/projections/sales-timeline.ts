// Read model `sales_timeline`: one entry per fact in an opportunity's history — its own events and
// those of its quotes and orders — in log order. Entries are written once, guarded by the global
// position. Quote and order events that do not name their opportunity find it through
// `sales_timeline_links`, written by this projection when the quote is drafted / order placed.
import type { Projection } from '@crm/event-processing';
import type { RecordedEvent } from '@crm/event-store';
import type { Document, DocumentStore } from '@crm/read-store';
import { OPPORTUNITY_CATEGORY, ORDER_CATEGORY, QUOTE_CATEGORY } from '../streams.ts';

export const TIMELINE = 'sales_timeline';
export const TIMELINE_LINKS = 'sales_timeline_links';

export interface SalesTimelineEntry extends Document {
  /** The event id. */
  _id: string;
  opportunityId: string;
  /** Which record of the opportunity it happened to. */
  aggregate: 'opportunity' | 'quote' | 'order';
  aggregateId: string;
  /** The domain fact, e.g. StageChanged, QuoteIssued, OrderPlaced. */
  type: string;
  recordedAt: string;
  actor: string;
  revision: number;
  position: number;
  data: Record<string, unknown>;
}

interface Link extends Document {
  opportunityId: string;
}

export const salesTimeline: Projection = {
  name: 'sales-timeline',
  version: 1,
  categories: [OPPORTUNITY_CATEGORY, QUOTE_CATEGORY, ORDER_CATEGORY],
  collections: [TIMELINE, TIMELINE_LINKS],
  setup: async (store) => {
    await store.collection(TIMELINE).ensureIndexes([{ fields: ['opportunityId', 'position'] }]);
  },
  handle: (event, store) => writeTimeline([event], store),
  handleBatch: (events, store) => writeTimeline(events, store),
};

async function writeTimeline(events: readonly RecordedEvent[], store: DocumentStore) {
  const links = store.collection<Link>(TIMELINE_LINKS);
  const known = new Map<string, string>();
  const newLinks: { doc: Link; version: number }[] = [];
  const entries: { doc: SalesTimelineEntry; version: number }[] = [];
  for (const event of events) {
    const category = event.streamId.slice(0, event.streamId.indexOf('-'));
    const aggregateId = event.streamId.slice(category.length + 1);
    const data = event.data as Record<string, unknown>;
    let opportunityId = typeof data.opportunityId === 'string' ? data.opportunityId : undefined;
    if (category !== OPPORTUNITY_CATEGORY && opportunityId !== undefined) {
      if (!known.has(aggregateId)) {
        known.set(aggregateId, opportunityId);
        newLinks.push({ doc: { _id: aggregateId, opportunityId }, version: event.position });
      }
    }
    opportunityId ??= known.get(aggregateId) ?? (await links.get(aggregateId))?.opportunityId;
    // A quote or order event seen before its first one cannot be placed: nothing to show it on.
    if (opportunityId === undefined) continue;
    known.set(aggregateId, opportunityId);
    entries.push({
      doc: {
        _id: event.id,
        opportunityId,
        aggregate: category as SalesTimelineEntry['aggregate'],
        aggregateId,
        type: event.type,
        recordedAt: event.recordedAt,
        actor: event.metadata.actor,
        revision: event.revision,
        position: event.position,
        data,
      },
      version: event.position,
    });
  }
  if (newLinks.length > 0) await links.putMany(newLinks);
  if (entries.length > 0) await store.collection<SalesTimelineEntry>(TIMELINE).putMany(entries);
}
