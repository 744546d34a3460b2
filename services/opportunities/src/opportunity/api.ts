// The opportunity write API: one route per use case, each a thin translation from HTTP to the
// application, after the role scoping (a record the caller may not see is a 404).
import { randomUUID } from 'node:crypto';
import { HttpProblem, requireRoles, type ServiceApp } from '@crm/service-kit';
import type { SalesDeps } from '../sales-deps.ts';
import { requireReachableOwner, visibleOpportunity } from './access.ts';
import type { OpportunitiesApplication, OpportunityChange } from './application.ts';
import {
  amountBody,
  competitorBody,
  expectedCloseBody,
  lineItemsBody,
  loseBody,
  openBody,
  ownerBody,
  reopenBody,
  stageBody,
  winBody,
  writeResult,
} from './api-schemas.ts';
import { answer, contextOf, scopedExecutor, viewerOf, writeRouteOptions } from './http.ts';
import type { LossReason } from './opportunity.ts';

const tags = ['opportunities'];
const INACTIVE = new Set(['merged', 'erased', 'rejected']);

export function registerOpportunityCommandRoutes(
  app: ServiceApp,
  deps: SalesDeps,
  opportunities: OpportunitiesApplication,
): void {
  const { writers, write } = writeRouteOptions(tags);
  const managers = { preHandler: requireRoles('sales_manager') };
  const execute = scopedExecutor(
    (request, id) => visibleOpportunity(opportunities, deps.teams, viewerOf(request), id),
    (id, change: OpportunityChange, context, expected) =>
      opportunities.execute(id, change, context, expected),
  );

  app.post(
    '/opportunities',
    {
      ...writers,
      schema: {
        tags,
        summary: 'Open an opportunity',
        body: openBody,
        response: { 201: writeResult },
      },
    },
    async (request, reply) => {
      const { id, ownerId, lineItems, ...input } = request.body;
      const viewer = viewerOf(request);
      const owner = ownerId ?? viewer.id;
      requireReachableOwner(deps.teams, viewer, owner);
      const customer = await deps.customers.get(input.customerId);
      if (customer && INACTIVE.has(customer.status)) {
        throw new HttpProblem({
          status: 422,
          code: 'CUSTOMER_NOT_ACTIVE',
          detail: `Customer ${input.customerId} is ${customer.status}.`,
          extra: {
            customerId: input.customerId,
            status: customer.status,
            ...(customer.mergedInto !== undefined && { mergedInto: customer.mergedInto }),
          },
        });
      }
      const opportunityId = id ?? randomUUID();
      const result = await opportunities.open(
        opportunityId,
        {
          ...omitUndefined(input),
          ownerId: owner,
          ...(lineItems !== undefined && { lineItems: lineItems.map(omitUndefined) }),
        },
        contextOf(request),
      );
      return answer(reply.header('location', `/opportunities/${opportunityId}`), result, 201);
    },
  );

  app.put(
    '/opportunities/:id/stage',
    { ...writers, schema: { ...write, summary: 'Move to another open stage', body: stageBody } },
    async (request, reply) =>
      answer(reply, await execute(request, { type: 'ChangeStage', stage: request.body.stage })),
  );

  app.put(
    '/opportunities/:id/amount',
    {
      ...writers,
      schema: { ...write, summary: 'Set the amount (without line items)', body: amountBody },
    },
    async (request, reply) =>
      answer(reply, await execute(request, { type: 'UpdateAmount', amount: request.body.amount })),
  );

  app.put(
    '/opportunities/:id/line-items',
    {
      ...writers,
      schema: { ...write, summary: 'Replace the line items', body: lineItemsBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await execute(request, {
          type: 'UpdateLineItems',
          lineItems: request.body.lineItems.map(omitUndefined),
        }),
      ),
  );

  app.put(
    '/opportunities/:id/expected-close',
    {
      ...writers,
      schema: { ...write, summary: 'Change the expected close date', body: expectedCloseBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await execute(request, {
          type: 'ChangeExpectedClose',
          expectedCloseDate: request.body.expectedCloseDate,
        }),
      ),
  );

  app.post(
    '/opportunities/:id/competitors',
    {
      ...writers,
      schema: { ...write, summary: 'Note a competitor (or its new notes)', body: competitorBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await execute(request, { type: 'NoteCompetitor', ...omitUndefined(request.body) }),
      ),
  );

  app.put(
    '/opportunities/:id/owner',
    {
      ...managers,
      schema: { ...write, summary: 'Hand to another owner (and team)', body: ownerBody },
    },
    async (request, reply) => {
      requireReachableOwner(deps.teams, viewerOf(request), request.body.ownerId);
      return answer(
        reply,
        await execute(request, { type: 'AssignOwner', ...omitUndefined(request.body) }),
      );
    },
  );

  app.post(
    '/opportunities/:id/win',
    {
      ...writers,
      schema: { ...write, summary: 'Close as won at the actual amount', body: winBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await execute(request, { type: 'WinOpportunity', ...omitUndefined(request.body) }),
      ),
  );

  app.post(
    '/opportunities/:id/lose',
    { ...writers, schema: { ...write, summary: 'Close as lost, saying why', body: loseBody } },
    async (request, reply) => {
      const { reason, ...rest } = request.body;
      return answer(
        reply,
        await execute(request, {
          type: 'LoseOpportunity',
          reason: reason as LossReason,
          ...omitUndefined(rest),
        }),
      );
    },
  );

  app.post(
    '/opportunities/:id/reopen',
    {
      ...managers,
      schema: {
        ...write,
        summary: 'Put a closed opportunity back in the pipeline',
        body: reopenBody,
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await execute(request, { type: 'ReopenOpportunity', ...omitUndefined(request.body) }),
      ),
  );
}

export const omitUndefined = <T extends object>(
  value: T,
): { [K in keyof T]: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
