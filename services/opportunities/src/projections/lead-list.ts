// Read model `lead_list`: one document per lead (lead-view.ts), the source of lead details, search,
// pool contents, open-claim counts and the recycler's sweep. Guarded by the stream revision, so a
// replayed event writes nothing; a batch folds each lead once and writes once.
import type { Projection } from '@crm/event-processing';
import type { RecordedEvent } from '@crm/event-store';
import type { DocumentStore, Versioned } from '@crm/read-store';
import type { LeadEvent } from '../lead/events.ts';
import { LEAD_CATEGORY } from '../streams.ts';
import { evolveLeadView, LEADS, type LeadView } from './lead-view.ts';

export const leadList: Projection = {
  name: 'lead-list',
  version: 1,
  categories: [LEAD_CATEGORY],
  collections: [LEADS],
  setup: async (store) => {
    await store
      .collection(LEADS)
      .ensureIndexes([
        { fields: ['ownerId', 'status'] },
        { fields: ['poolId', 'ownerId'] },
        { fields: ['status', '-capturedAt'] },
        { fields: ['source'] },
        { fields: ['campaignId'] },
        { fields: ['phones'] },
        { fields: ['emails'] },
        { fields: ['lastFollowUpAt'] },
      ]);
  },
  handle: (event, store) => writeLeads([event], store),
  handleBatch: (events, store) => writeLeads(events, store),
};

async function writeLeads(events: readonly RecordedEvent[], store: DocumentStore) {
  const leads = store.collection<LeadView>(LEADS);
  const byLead = Map.groupBy(events, leadIdOf);
  const stored = await leads.getManyVersioned([...byLead.keys()]);
  const writes: { doc: LeadView; version: number }[] = [];
  for (const [id, leadEvents] of byLead) {
    const folded = leadEvents.reduce(fold, stored.get(id) ?? null);
    if (folded && folded.version !== stored.get(id)?.version) writes.push(folded);
  }
  if (writes.length > 0) await leads.putMany(writes);
}

function fold(current: Versioned<LeadView> | null, event: RecordedEvent) {
  if (current && current.version >= event.revision) return current;
  const view = evolveLeadView(current?.doc ?? null, event as unknown as LeadEvent, {
    recordedAt: event.recordedAt,
    revision: event.revision,
  });
  return view === null ? current : { doc: view, version: event.revision };
}

const leadIdOf = (event: RecordedEvent): string => (event.data as { leadId: string }).leadId;
