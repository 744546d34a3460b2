// The opportunity read API. Reads come from the read models, except `asOf`, which folds the log.
// Lists are limited to the owners the caller may see; one record out of reach answers 404.
import type { Filter } from '@crm/read-store';
import {
  pageOf,
  pageOptions,
  sendRecord,
  waitForPosition,
  type ServiceApp,
} from '@crm/service-kit';
import { OPPORTUNITIES } from '../projections/sales-opportunities.ts';
import {
  evolveOpportunityView,
  type OpportunityView,
} from '../projections/sales-opportunity-view.ts';
import { TIMELINE, type SalesTimelineEntry } from '../projections/sales-timeline.ts';
import { revisionReadable, viewAsOf } from '../projections/view-reads.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { opportunityStreamId } from '../streams.ts';
import { opportunityNotFound, visibleOpportunity } from './access.ts';
import type { OpportunitiesApplication } from './application.ts';
import {
  detailQuery,
  idParams,
  searchQuery,
  timelineQuery,
  type SearchQuery,
} from './api-schemas.ts';
import { viewerOf } from './http.ts';
import { ownerScope } from './scope.ts';

const tags = ['opportunities'];

export function registerOpportunityQueryRoutes(
  app: ServiceApp,
  deps: SalesDeps,
  opportunities: OpportunitiesApplication,
): void {
  const { documentStore, projector, eventStore } = deps;
  const views = documentStore.collection<OpportunityView>(OPPORTUNITIES);
  const timeline = documentStore.collection<SalesTimelineEntry>(TIMELINE);

  const withCustomers = (items: OpportunityView[]) => withCustomerNames(deps, items);

  const search = async (
    request: Parameters<typeof viewerOf>[0],
    query: Omit<SearchQuery, 'sort'> & { sort?: SearchQuery['sort'] },
  ) => {
    await waitForPosition(projector, query.waitForPosition);
    const scope = ownerScope(deps.teams.visibility(viewerOf(request)), query.ownerId);
    if (scope === null) return { items: [], nextCursor: null };
    const sort = query.sort ?? '-updatedAt';
    const page = await views.find(searchFilter(scope, query), pageOptions(sort, query));
    return { items: await withCustomers(page.items), nextCursor: page.nextCursor ?? null };
  };

  app.get(
    '/opportunities',
    {
      schema: {
        tags,
        summary: 'Search opportunities you may see (cursor pagination)',
        querystring: searchQuery,
      },
    },
    async (request) => search(request, request.query),
  );

  app.get(
    '/opportunities/mine',
    {
      schema: {
        tags,
        summary: 'My opportunities',
        querystring: searchQuery.omit({ ownerId: true }),
      },
    },
    async (request) => search(request, { ...request.query, ownerId: request.user.id }),
  );

  app.get(
    '/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'An opportunity with its stage history (now, or as it was at a time)',
        params: idParams,
        querystring: detailQuery,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const viewer = viewerOf(request);
      if (request.query.asOf !== undefined) {
        await visibleOpportunity(opportunities, deps.teams, viewer, id);
      }
      return sendRecord(reply, request.query, {
        what: `opportunity ${id}`,
        notFound: () => opportunityNotFound(id),
        asOf: (asOf) => viewAsOf(eventStore, opportunityStreamId(id), asOf, evolveOpportunityView),
        readable: (revision) => revisionReadable(views, id, revision, projector),
        current: async () => {
          const view = await views.get(id);
          return view && deps.teams.canSee(viewer, view.ownerId) ? view : null;
        },
        present: async (view) => (await withCustomers([view]))[0]!,
      });
    },
  );

  app.get(
    '/opportunities/:id/history',
    {
      schema: {
        tags,
        summary: 'Everything that happened to an opportunity, its quotes and orders, in order',
        params: idParams,
        querystring: timelineQuery,
      },
    },
    async (request) => {
      const { id } = request.params;
      const { limit, cursor, order, waitForPosition: position } = request.query;
      await visibleOpportunity(opportunities, deps.teams, viewerOf(request), id);
      await waitForPosition(projector, position);
      const page = await timeline.find(
        { opportunityId: id },
        pageOptions({ field: 'position', direction: order }, { limit, cursor }),
      );
      return pageOf(page);
    },
  );
}

/** Adds the customer's name from the local lookup (fed from crm.customers.v1). */
export async function withCustomerNames(
  deps: Pick<SalesDeps, 'customers'>,
  items: OpportunityView[],
) {
  const customers = await deps.customers.getMany([...new Set(items.map((i) => i.customerId))]);
  return items.map((item) => ({
    ...item,
    customerName: customers.get(item.customerId)?.name ?? null,
  }));
}

function searchFilter(scope: Filter, query: Omit<SearchQuery, 'sort'>): Filter {
  const conditions: Filter[] = [scope];
  if (query.status !== 'all') conditions.push({ status: query.status });
  if (query.stage !== undefined) {
    const closed = query.stage === 'won' || query.stage === 'lost';
    conditions.push(closed ? { status: query.stage } : { stage: query.stage, status: 'open' });
  }
  if (query.team !== undefined) conditions.push({ team: query.team });
  if (query.customerId !== undefined) conditions.push({ customerId: query.customerId });
  if (query.closingFrom !== undefined)
    conditions.push({ expectedCloseDate: { $gte: query.closingFrom } });
  if (query.closingTo !== undefined)
    conditions.push({ expectedCloseDate: { $lte: query.closingTo } });
  if (query.q !== undefined) conditions.push({ name: { $contains: query.q } });
  return { $and: conditions };
}
