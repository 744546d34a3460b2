// Read model `sales_opportunities`: each opportunity as people read it (sales-opportunity-view.ts),
// for the detail, "my opportunities", search and "closing this month / quarter".
import type { Projection } from '@crm/event-processing';
import type { OpportunityEvent } from '../opportunity/opportunity.ts';
import { OPPORTUNITY_CATEGORY } from '../streams.ts';
import { evolveOpportunityView, type OpportunityView } from './sales-opportunity-view.ts';
import { foldStreams } from './sales-stream-fold.ts';

export const OPPORTUNITIES = 'sales_opportunities';

export const salesOpportunities: Projection = {
  name: 'sales-opportunities',
  version: 1,
  categories: [OPPORTUNITY_CATEGORY],
  collections: [OPPORTUNITIES],
  setup: async (store) => {
    await store
      .collection(OPPORTUNITIES)
      .ensureIndexes([
        { fields: ['ownerId', '-updatedAt'] },
        { fields: ['team'] },
        { fields: ['customerId'] },
        { fields: ['status', 'expectedCloseDate'] },
        { fields: ['stage'] },
      ]);
  },
  handle: (event, store) => write([event], store),
  handleBatch: (events, store) => write(events, store),
};

const write: NonNullable<Projection['handleBatch']> = (events, store) =>
  foldStreams<OpportunityView>(events, store, OPPORTUNITIES, (view, event, context) =>
    evolveOpportunityView(view, event as unknown as OpportunityEvent, context),
  );
