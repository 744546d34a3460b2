// The customers projections and the same projections without `handleBatch` (one event at a time):
// for the tests and the benchmark that compare both ways of projecting the same log.
import { Projector, type Projection } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import { customerDirectory } from './customer-directory.ts';
import { customerTimeline } from './customer-timeline.ts';

export type ProjectionMode = 'one by one' | 'batched';

const withoutBatches = ({ handleBatch: _, ...projection }: Projection): Projection => projection;

export function customersProjector(
  mode: ProjectionMode,
  eventStore: EventStore,
  documentStore: DocumentStore,
): Projector {
  const projections = [customerDirectory, customerTimeline];
  return new Projector({
    eventStore,
    documentStore,
    projections: mode === 'batched' ? projections : projections.map(withoutBatches),
  });
}

/** Starts a projector and resolves once it has projected everything in the log; answers the ms. */
export async function projectAll(projector: Projector, eventStore: EventStore): Promise<number> {
  const started = performance.now();
  await projector.start();
  const done = await projector.waitForPosition(await eventStore.headPosition(), 600_000);
  if (!done) throw new Error('the projector did not catch up');
  return performance.now() - started;
}
