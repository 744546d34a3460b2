// The pipeline read model over the embedded document store: given events -> buckets, and the
// same buckets however a replay batches the events, and when it replays some of them again.
import type { RecordedEvent } from '@crm/event-store';
import { openSqliteDocumentStore, type DocumentStore } from '@crm/read-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpportunityEvent } from '../opportunity/opportunity.ts';
import { defaultPipeline } from '../opportunity/rules/pipeline.ts';
import {
  PIPELINE,
  PIPELINE_ENTRIES,
  salesPipeline,
  type PipelineBucket,
} from './sales-pipeline.ts';

let store: DocumentStore;
beforeEach(async () => {
  store = openSqliteDocumentStore({ path: ':memory:' });
  await salesPipeline.setup?.(store);
});
afterEach(async () => {
  await store.close();
});

const money = (amount: string) => ({ amount, currency: 'CNY' });
const opened = (id: string, ownerId: string, amount: string): OpportunityEvent => ({
  type: 'OpportunityOpened',
  data: {
    opportunityId: id,
    customerId: 'cus-1',
    name: id,
    ownerId,
    team: 'team-a',
    amount: money(amount),
    lineItems: [],
    expectedCloseDate: '2026-06-01',
    stage: 'qualification',
    probability: 10,
    pipeline: defaultPipeline,
  },
});

/** The history: two deals of rep 1, one moved, re-valued, handed to rep 2 and won. */
const history: [string, OpportunityEvent][] = [
  ['o1', opened('o1', 'u-1', '1000.00')],
  ['o2', opened('o2', 'u-1', '333.33')],
  [
    'o1',
    {
      type: 'StageChanged',
      data: {
        opportunityId: 'o1',
        stage: 'proposal',
        previousStage: 'qualification',
        probability: 50,
      },
    },
  ],
  [
    'o1',
    {
      type: 'AmountUpdated',
      data: { opportunityId: 'o1', amount: money('1200.00'), previousAmount: money('1000.00') },
    },
  ],
  [
    'o2',
    {
      type: 'OpportunityOwnerAssigned',
      data: {
        opportunityId: 'o2',
        ownerId: 'u-2',
        previousOwnerId: 'u-1',
        team: 'team-a',
        previousTeam: 'team-a',
      },
    },
  ],
  [
    'o2',
    {
      type: 'OpportunityWon',
      data: {
        opportunityId: 'o2',
        customerId: 'cus-1',
        ownerId: 'u-2',
        team: 'team-a',
        amount: money('350.00'),
        stage: 'qualification',
        closedAt: '2026-05-20T02:00:00.000Z',
      },
    },
  ],
];

const recorded: RecordedEvent[] = (() => {
  const revisions = new Map<string, number>();
  return history.map(([id, event], index) => {
    const revision = (revisions.get(id) ?? -1) + 1;
    revisions.set(id, revision);
    return {
      id: `e-${index}`,
      streamId: `opportunity-${id}`,
      type: event.type,
      revision,
      position: index + 1,
      data: event.data,
      metadata: { actor: 'u-1', correlationId: 'c', causationId: 'c' },
      recordedAt: '2026-05-20T02:00:00.000Z',
    };
  });
})();

const buckets = async () => {
  const page = await store.collection<PipelineBucket>(PIPELINE).find({}, { limit: 100 });
  return Object.fromEntries(
    page.items
      .filter((bucket) => bucket.count !== 0 || bucket.amount !== '0.00')
      .map((bucket) => [bucket._id, `${bucket.count} ${bucket.amount} ${bucket.weightedAmount}`]),
  );
};

const expected = {
  'owner|u-1|proposal|CNY': '1 1200.00 600.00',
  'team|team-a|proposal|CNY': '1 1200.00 600.00',
  'owner|u-2|won|CNY': '1 350.00 350.00',
  'team|team-a|won|CNY': '1 350.00 350.00',
};

describe('sales-pipeline', () => {
  it('keeps count, amount and weighted amount per owner and team bucket', async () => {
    await salesPipeline.handleBatch?.(recorded, store);
    expect(await buckets()).toEqual(expected);
  });

  it('gives the same figures one event at a time', async () => {
    for (const event of recorded) await salesPipeline.handle(event, store);
    expect(await buckets()).toEqual(expected);
  });

  it('changes nothing when a replay delivers events again, batched differently', async () => {
    await salesPipeline.handleBatch?.(recorded.slice(0, 4), store);
    await salesPipeline.handleBatch?.(recorded.slice(2), store);
    await salesPipeline.handleBatch?.(recorded, store);
    for (const event of recorded.slice(1, 3)) await salesPipeline.handle(event, store);
    expect(await buckets()).toEqual(expected);
  });

  it('applies each event once after a crash between the bucket and the entry writes', async () => {
    const entries = store.collection(PIPELINE_ENTRIES);
    await salesPipeline.handleBatch?.(recorded.slice(0, 2), store);
    const before = await entries.getManyVersioned(['o1', 'o2']);
    await salesPipeline.handleBatch?.(recorded.slice(2), store);
    // The entries as if their write never happened: the buckets already hold events 3-6.
    await entries.clear();
    await entries.putMany([...before.values()]);
    await salesPipeline.handleBatch?.(recorded.slice(2), store);
    expect(await buckets()).toEqual(expected);
  });
});
