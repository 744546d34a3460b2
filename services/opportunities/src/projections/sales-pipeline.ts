// Read model `sales_pipeline`: count, amount and weighted amount (amount × stage probability) per
// stage, per owner and per team, kept as running sums. Each bucket is guarded by the position of
// the last event applied to it, and the per-opportunity entries (`sales_pipeline_entries`, what
// each deal contributed) are written after the buckets: a replay from any checkpoint, with any
// batch boundaries, applies each event to each bucket exactly once.
import type { Projection } from '@crm/event-processing';
import type { RecordedEvent } from '@crm/event-store';
import type { Document, DocumentStore, Versioned } from '@crm/read-store';
import type { OpportunityEvent } from '../opportunity/opportunity.ts';
import { addAmounts, subtractAmounts, sumAmounts } from '../opportunity/rules/money.ts';
import { OPPORTUNITY_CATEGORY } from '../streams.ts';
import {
  contributionsOf,
  evolveEntry,
  type Contribution,
  type PipelineEntry,
} from './sales-pipeline-entry.ts';

export const PIPELINE = 'sales_pipeline';
export const PIPELINE_ENTRIES = 'sales_pipeline_entries';

export interface PipelineBucket extends Document {
  scope: 'owner' | 'team';
  /** The owner id or the team id. */
  key: string;
  /** An open stage, or won / lost. */
  stage: string;
  currency: string;
  count: number;
  amount: string;
  weightedAmount: string;
}

type EntryDocument = PipelineEntry & Document;

export const salesPipeline: Projection = {
  name: 'sales-pipeline',
  version: 1,
  categories: [OPPORTUNITY_CATEGORY],
  collections: [PIPELINE, PIPELINE_ENTRIES],
  setup: async (store) => {
    await store.collection(PIPELINE).ensureIndexes([{ fields: ['scope', 'key'] }]);
  },
  handle: (event, store) => writePipeline([event], store),
  handleBatch: (events, store) => writePipeline(events, store),
};

/** What one event changes in one bucket: amounts added and taken away (decimals are never negative). */
interface Delta {
  contribution: Contribution;
  count: number;
  added: Contribution[];
  removed: Contribution[];
}

async function writePipeline(events: readonly RecordedEvent[], store: DocumentStore) {
  const entryStore = store.collection<EntryDocument>(PIPELINE_ENTRIES);
  const bucketStore = store.collection<PipelineBucket>(PIPELINE);
  const entries = await entryStore.getManyVersioned([...new Set(events.map(opportunityIdOf))]);
  const buckets = new Map<string, Versioned<PipelineBucket> | null>();
  const touchedEntries = new Set<string>();
  const touchedBuckets = new Set<string>();
  const bucket = async (id: string) => {
    if (!buckets.has(id)) buckets.set(id, await bucketStore.getVersioned(id));
    return buckets.get(id) ?? null;
  };

  for (const event of events) {
    const id = opportunityIdOf(event);
    const current = entries.get(id);
    if (current && current.version >= event.revision) continue;
    const next = evolveEntry(current?.doc ?? null, event as unknown as OpportunityEvent);
    if (next === null) continue;
    for (const delta of deltas(current?.doc ?? null, next).values()) {
      const { bucketId } = delta.contribution;
      const stored = await bucket(bucketId);
      if (stored && stored.version >= event.position) continue;
      buckets.set(bucketId, { doc: applied(stored?.doc, delta), version: event.position });
      touchedBuckets.add(bucketId);
    }
    entries.set(id, { doc: next as EntryDocument, version: event.revision });
    touchedEntries.add(id);
  }
  const bucketWrites = [...touchedBuckets].flatMap((id) => buckets.get(id) ?? []);
  if (bucketWrites.length > 0) await bucketStore.putMany(bucketWrites);
  const entryWrites = [...touchedEntries].flatMap((id) => entries.get(id) ?? []);
  if (entryWrites.length > 0) await entryStore.putMany(entryWrites);
}

/** Per bucket, what moving from `before` to `after` changes; buckets left as they were omitted. */
function deltas(before: PipelineEntry | null, after: PipelineEntry): Map<string, Delta> {
  const result = new Map<string, Delta>();
  const delta = (contribution: Contribution): Delta => {
    const known = result.get(contribution.bucketId);
    if (known) return known;
    const created = { contribution, count: 0, added: [], removed: [] };
    result.set(contribution.bucketId, created);
    return created;
  };
  for (const contribution of contributionsOf(before)) {
    const change = delta(contribution);
    change.count -= 1;
    change.removed.push(contribution);
  }
  for (const contribution of contributionsOf(after)) {
    const change = delta(contribution);
    change.count += 1;
    change.added.push(contribution);
  }
  for (const [id, change] of result) {
    const same = (field: 'amount' | 'weightedAmount') =>
      sumAmounts(change.added.map((c) => c[field])) ===
      sumAmounts(change.removed.map((c) => c[field]));
    if (change.count === 0 && same('amount') && same('weightedAmount')) result.delete(id);
  }
  return result;
}

function applied(bucket: PipelineBucket | undefined, delta: Delta): PipelineBucket {
  const { bucketId, scope, key, stage, currency } = delta.contribution;
  // Added first: what is taken away was added to this bucket before, so nothing goes below 0.
  const total = (start: string, field: 'amount' | 'weightedAmount') =>
    delta.removed.reduce(
      (sum, c) => subtractAmounts(sum, c[field]),
      delta.added.reduce((sum, c) => addAmounts(sum, c[field]), start),
    );
  return {
    _id: bucketId,
    scope,
    key,
    stage,
    currency,
    count: (bucket?.count ?? 0) + delta.count,
    amount: total(bucket?.amount ?? '0.00', 'amount'),
    weightedAmount: total(bucket?.weightedAmount ?? '0.00', 'weightedAmount'),
  };
}

const opportunityIdOf = (event: RecordedEvent): string =>
  (event.data as { opportunityId: string }).opportunityId;
