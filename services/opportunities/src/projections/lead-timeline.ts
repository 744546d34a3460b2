// Read model `lead_timeline`: one entry per fact in a lead's history (every claim, release, return,
// move and reassignment with its reason and who did it), written once, guarded by the position.
import type { Projection } from '@crm/event-processing';
import type { RecordedEvent } from '@crm/event-store';
import type { Document, DocumentStore } from '@crm/read-store';
import { LEAD_CATEGORY } from '../streams.ts';

export const LEAD_TIMELINE = 'lead_timeline';

export interface LeadTimelineEntry extends Document {
  /** The event id. */
  _id: string;
  leadId: string;
  /** The domain fact, e.g. LeadClaimed. */
  type: string;
  /** When it happened: an activity's own time, else when it was recorded. */
  occurredAt: string;
  recordedAt: string;
  actor: string;
  revision: number;
  position: number;
  data: Record<string, unknown>;
}

export const leadTimeline: Projection = {
  name: 'lead-timeline',
  version: 1,
  categories: [LEAD_CATEGORY],
  collections: [LEAD_TIMELINE],
  setup: async (store) => {
    await store.collection(LEAD_TIMELINE).ensureIndexes([{ fields: ['leadId', 'revision'] }]);
  },
  handle: (event, store) => writeTimeline([event], store),
  handleBatch: (events, store) => writeTimeline(events, store),
};

async function writeTimeline(events: readonly RecordedEvent[], store: DocumentStore) {
  await store
    .collection<LeadTimelineEntry>(LEAD_TIMELINE)
    .putMany(events.map((event) => ({ doc: toTimelineEntry(event), version: event.position })));
}

export function toTimelineEntry(recorded: RecordedEvent): LeadTimelineEntry {
  const { leadId, ...data } = recorded.data as { leadId: string } & Record<string, unknown>;
  const occurredAt =
    recorded.type === 'LeadActivityLogged' && typeof data.occurredAt === 'string'
      ? data.occurredAt
      : recorded.recordedAt;
  return {
    _id: recorded.id,
    leadId,
    type: recorded.type,
    occurredAt,
    recordedAt: recorded.recordedAt,
    actor: recorded.metadata.actor,
    revision: recorded.revision,
    position: recorded.position,
    data,
  };
}
