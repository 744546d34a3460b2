// The order read API: one order (with everything OrderPlaced carried), and orders per customer or
// opportunity, limited to the owners the caller may see.
import type { Filter } from '@crm/read-store';
import {
  pageOf,
  pageOptions,
  sendRecord,
  waitForPosition,
  type ServiceApp,
} from '@crm/service-kit';
import type { OpportunitiesApplication } from '../opportunity/application.ts';
import { detailQuery, idParams } from '../opportunity/api-schemas.ts';
import { viewerOf } from '../opportunity/http.ts';
import { ownerScope } from '../opportunity/scope.ts';
import { evolveOrderView, ORDERS, type OrderView } from '../projections/sales-orders.ts';
import { revisionReadable, viewAsOf } from '../projections/view-reads.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { orderStreamId } from '../streams.ts';
import { orderNotFound, visibleOrder } from './api.ts';
import { ordersQuery } from './api-schemas.ts';

const tags = ['orders'];

export function registerOrderQueryRoutes(
  app: ServiceApp,
  deps: SalesDeps,
  opportunities: OpportunitiesApplication,
): void {
  const views = deps.documentStore.collection<OrderView>(ORDERS);

  app.get(
    '/orders/:id',
    {
      schema: {
        tags,
        summary: 'An order (now, or as it was at a time)',
        params: idParams,
        querystring: detailQuery,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await visibleOrder(deps, opportunities, request, id);
      return sendRecord(reply, request.query, {
        what: `order ${id}`,
        notFound: () => orderNotFound(id),
        asOf: (asOf) => viewAsOf(deps.eventStore, orderStreamId(id), asOf, evolveOrderView),
        readable: (revision) => revisionReadable(views, id, revision, deps.projector),
        current: () => views.get(id),
      });
    },
  );

  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Orders per customer or opportunity, newest first',
        querystring: ordersQuery,
      },
    },
    async (request) => {
      const { customerId, opportunityId, status, limit, cursor } = request.query;
      await waitForPosition(deps.projector, request.query.waitForPosition);
      const scope = ownerScope(deps.teams.visibility(viewerOf(request)), undefined);
      if (scope === null) return { items: [], nextCursor: null };
      const conditions: Filter[] = [scope];
      if (customerId !== undefined) conditions.push({ customerId });
      if (opportunityId !== undefined) conditions.push({ opportunityId });
      if (status !== undefined) conditions.push({ status });
      const page = await views.find(
        { $and: conditions },
        pageOptions({ field: 'placedAt', direction: 'desc' }, { limit, cursor }),
      );
      return pageOf(page);
    },
  );
}
