// The order write API: place the order of an accepted quote, then fulfil or cancel it.
import type { ServiceApp } from '@crm/service-kit';
import type { FastifyRequest } from 'fastify';
import { omitUndefined } from '../opportunity/api.ts';
import { canSeeOpportunity } from '../opportunity/access.ts';
import type { OpportunitiesApplication } from '../opportunity/application.ts';
import { writeResult } from '../opportunity/api-schemas.ts';
import {
  answer,
  contextOf,
  notFound,
  scopedExecutor,
  viewerOf,
  writeRouteOptions,
} from '../opportunity/http.ts';
import { visibleQuote } from '../quote/api.ts';
import type { QuotesApplication } from '../quote/application.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { orderStreamId } from '../streams.ts';
import { cancelBody, fulfilBody, placeBody, type PlaceBody } from './api-schemas.ts';
import type { OrderChange, OrdersApplication, PlaceOrderInput } from './application.ts';
import type { OrderPlaced } from './order.ts';

const tags = ['orders'];

export const orderNotFound = (orderId: string) => notFound('ORDER_NOT_FOUND', 'orderId', orderId);

/** An order is in reach when the opportunity it was placed from is. */
export async function visibleOrder(
  deps: SalesDeps,
  opportunities: OpportunitiesApplication,
  request: FastifyRequest,
  orderId: string,
): Promise<OrderPlaced['data']> {
  const [placed] = await deps.eventStore.readStream(orderStreamId(orderId), { maxCount: 1 });
  if (placed?.type !== 'OrderPlaced') throw orderNotFound(orderId);
  const data = placed.data as OrderPlaced['data'];
  if (
    !(await canSeeOpportunity(opportunities, deps.teams, viewerOf(request), data.opportunityId))
  ) {
    throw orderNotFound(orderId);
  }
  return data;
}

const toPlaceInput = (body: Omit<PlaceBody, 'quoteId'>): PlaceOrderInput => {
  const { customer, billingAddress, shippingAddress, recipient, ...rest } = body;
  return {
    ...omitUndefined(rest),
    billingAddress: omitUndefined(billingAddress),
    shippingAddress: omitUndefined(shippingAddress),
    ...(recipient !== undefined && { recipient: omitUndefined(recipient) }),
    ...(customer !== undefined && { customer: omitUndefined(customer) }),
  };
};

export function registerOrderCommandRoutes(
  app: ServiceApp,
  deps: SalesDeps,
  opportunities: OpportunitiesApplication,
  quotes: QuotesApplication,
  orders: OrdersApplication,
): void {
  const { writers, write } = writeRouteOptions(tags);
  const execute = scopedExecutor(
    (request, id) => visibleOrder(deps, opportunities, request, id),
    (id, change: OrderChange, context, expected) => orders.execute(id, change, context, expected),
  );

  app.post(
    '/orders',
    {
      ...writers,
      schema: {
        tags,
        summary: 'Place the order of an accepted quote (crm.order.placed.v1 for the ERP)',
        body: placeBody,
        response: { 201: writeResult },
      },
    },
    async (request, reply) => {
      const { quoteId, ...body } = request.body;
      await visibleQuote(deps, opportunities, quotes, request, quoteId);
      const result = await orders.place(quoteId, toPlaceInput(body), contextOf(request));
      return answer(reply.header('location', `/orders/${result.id}`), result, 201);
    },
  );

  app.post(
    '/orders/:id/fulfil',
    {
      ...writers,
      schema: { ...write, summary: 'Record that the ERP fulfilled the order', body: fulfilBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await execute(request, { type: 'FulfilOrder', ...omitUndefined(request.body) }),
      ),
  );

  app.post(
    '/orders/:id/cancel',
    {
      ...writers,
      schema: { ...write, summary: 'Cancel before fulfilment', body: cancelBody },
    },
    async (request, reply) =>
      answer(reply, await execute(request, { type: 'CancelOrder', reason: request.body.reason })),
  );
}
