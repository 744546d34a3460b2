// One document per stream, folded from that stream's events and guarded by the stream revision:
// a replayed event writes nothing. A batch folds each document once and writes once.
import type { RecordedEvent } from '@crm/event-store';
import type { Document, DocumentStore, Versioned } from '@crm/read-store';

export interface StreamContext {
  recordedAt: string;
  revision: number;
  actor: string;
}

export type EvolveDocument<T extends Document> = (
  doc: T | null,
  event: RecordedEvent,
  context: StreamContext,
) => T | null;

export async function foldStreams<T extends Document>(
  events: readonly RecordedEvent[],
  store: DocumentStore,
  collection: string,
  evolve: EvolveDocument<T>,
): Promise<void> {
  const documents = store.collection<T>(collection);
  const byStream = Map.groupBy(events, (event) => event.streamId);
  const ids = new Map([...byStream].map(([streamId, [first]]) => [streamId, idOf(first)]));
  const stored = await documents.getManyVersioned([...ids.values()]);
  const writes: Versioned<T>[] = [];
  for (const [streamId, streamEvents] of byStream) {
    const before = stored.get(ids.get(streamId) ?? '') ?? null;
    let current = before;
    for (const event of streamEvents) {
      if (current && current.version >= event.revision) continue;
      const doc = evolve(current?.doc ?? null, event, {
        recordedAt: event.recordedAt,
        revision: event.revision,
        actor: event.metadata.actor,
      });
      if (doc !== null) current = { doc, version: event.revision };
    }
    if (current && current.version !== before?.version) writes.push(current);
  }
  if (writes.length > 0) await documents.putMany(writes);
}

/** The aggregate id: the stream id after its category. */
const idOf = (event: RecordedEvent | undefined): string => {
  const streamId = event?.streamId ?? '';
  return streamId.slice(streamId.indexOf('-') + 1);
};
