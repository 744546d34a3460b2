// A lead straight from the log: now (for scope checks that must not lag behind a write) or as it
// was at a time (asOf reads). The log is the history; the read models are its index.
import type { EventStore } from '@crm/event-store';
import { evolveLeadView, type LeadView } from '../projections/lead-view.ts';
import { leadStreamId } from '../streams.ts';
import type { LeadEvent } from './events.ts';

export async function loadLeadView(
  store: EventStore,
  leadId: string,
  asOf?: string,
): Promise<LeadView | null> {
  const events = await store.readStream(leadStreamId(leadId));
  const cutoff = asOf === undefined ? Infinity : Date.parse(asOf);
  let view: LeadView | null = null;
  for (const event of events) {
    if (Date.parse(event.recordedAt) > cutoff) break;
    view = evolveLeadView(view, event as unknown as LeadEvent, {
      recordedAt: event.recordedAt,
      revision: event.revision,
    });
  }
  return view;
}
