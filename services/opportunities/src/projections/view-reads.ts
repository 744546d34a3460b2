// The two reads a one-record GET needs besides the read model: the view as it was at a time,
// folded from the log (the log is the history), and whether the read model holds a revision yet.
import { waitUntil, type Projector } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import { WAIT_MS } from '@crm/service-kit';
import type { StreamContext } from './sales-stream-fold.ts';

/** The view folded from its stream's events recorded by `asOf` (null: none yet). */
export async function viewAsOf<View, Event>(
  eventStore: Pick<EventStore, 'readStream'>,
  streamId: string,
  asOf: string,
  evolve: (view: View | null, event: Event, context: StreamContext) => View | null,
): Promise<View | null> {
  let view: View | null = null;
  for (const event of await eventStore.readStream(streamId)) {
    if (Date.parse(event.recordedAt) > Date.parse(asOf)) break;
    view = evolve(view, event as unknown as Event, {
      recordedAt: event.recordedAt,
      revision: event.revision,
      actor: event.metadata.actor,
    });
  }
  return view;
}

/** True once the document holds this revision; false when the projector did not get there in time. */
export const revisionReadable = (
  documents: { getVersioned: (id: string) => Promise<{ version: number } | null> },
  id: string,
  revision: number,
  projector: Pick<Projector, 'onProgress'>,
): Promise<boolean> =>
  waitUntil(
    async () => ((await documents.getVersioned(id))?.version ?? -1) >= revision,
    projector,
    WAIT_MS,
  );
