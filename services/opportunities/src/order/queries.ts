// The order read API: one order (with everything OrderPlaced carried), and orders per customer or
// opportunity, limited to the owners the caller may see.
import { waitUntil } from '@crm/event-processing';
import type { Filter } from '@crm/read-store';
import type { ServiceApp } from '@crm/service-kit';
import type { OpportunitiesApplication } from '../opportunity/application.ts';
import { detailQuery, idParams } from '../opportunity/api-schemas.ts';
import { behind, viewerOf, WAIT_MS } from '../opportunity/http.ts';
import { waitForPosition } from '../opportunity/queries.ts';
import { ownerScope } from '../opportunity/scope.ts';
import { evolveOrderView, ORDERS, type OrderView } from '../projections/sales-orders.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { orderStreamId } from '../streams.ts';
import { orderNotFound, visibleOrder } from './api.ts';
import { ordersQuery } from './api-schemas.ts';
import type { OrderEvent } from './order.ts';

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
      const { asOf, waitForRevision } = request.query;
      await visibleOrder(deps, opportunities, request, id);
      if (asOf !== undefined) {
        let view: OrderView | null = null;
        for (const event of await deps.eventStore.readStream(orderStreamId(id))) {
          if (Date.parse(event.recordedAt) > Date.parse(asOf)) break;
          view = evolveOrderView(view, event as unknown as OrderEvent, {
            recordedAt: event.recordedAt,
            revision: event.revision,
            actor: event.metadata.actor,
          });
        }
        if (!view) throw orderNotFound(id);
        return reply.header('etag', `"${view.revision}"`).send({ ...view, asOf });
      }
      if (waitForRevision !== undefined) {
        const ready = await waitUntil(
          async () => ((await views.getVersioned(id))?.version ?? -1) >= waitForRevision,
          deps.projector,
          WAIT_MS,
        );
        if (!ready) throw behind(`Revision ${waitForRevision} of order ${id}`);
      }
      const view = await views.get(id);
      if (!view) throw orderNotFound(id);
      return reply.header('etag', `"${view.revision}"`).send(view);
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
        {
          sort: { field: 'placedAt', direction: 'desc' },
          limit,
          ...(cursor === undefined ? {} : { cursor }),
        },
      );
      return { items: page.items, nextCursor: page.nextCursor ?? null };
    },
  );
}
