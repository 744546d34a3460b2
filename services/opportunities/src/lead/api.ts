// The lead write API: one route per use case, each a thin translation from HTTP to the application
// (actor, role, correlation and the client's revision in; revision and position out). Every route
// on an existing lead first checks the caller may see it (404 otherwise).
import { randomUUID } from 'node:crypto';
import { requireRoles, type Role, type ServiceApp } from '@crm/service-kit';
import { registerLeadCommandRoutes } from './api-commands.ts';
import {
  assignBody,
  assignResult,
  captureBody,
  completeBody,
  conversionResult,
  convertBody,
  idParams,
  ifMatchHeaders,
  taskParams,
  writeResult,
} from './api-schemas.ts';
import {
  answer,
  contextOf,
  omitUndefined,
  pinned,
  requireKnownPool,
  requireVisibleLead,
  type LeadRouteDeps,
} from './api-support.ts';
import { registerLeadQueryRoutes } from './queries.ts';

const tags = ['leads'];
const WORKERS: readonly Role[] = ['sales_rep', 'sales_manager'];

export function registerLeadRoutes(app: ServiceApp, deps: LeadRouteDeps): void {
  const { leads } = deps;
  const requirePool = (poolId: string | undefined) => requireKnownPool(leads, poolId);

  app.post(
    '/leads',
    {
      preHandler: requireRoles('sales_rep', 'sales_manager', 'marketer'),
      schema: {
        tags,
        summary: 'Capture a lead (flagged when a customer has its phone or e-mail)',
        body: captureBody,
        response: { 200: writeResult, 201: writeResult },
      },
    },
    async (request, reply) => {
      const { id, assign, ownerId, ...lead } = request.body;
      requirePool(lead.poolId);
      const leadId = id ?? randomUUID();
      const context = contextOf(request);
      const isRep = request.user?.roles.includes('sales_rep') === true;
      const owner = ownerId === undefined ? (isRep ? context.actor : null) : ownerId;
      let result = await leads.capture(leadId, { ...omitUndefined(lead), ownerId: owner }, context);
      if (result.changed && assign !== undefined && owner === null) {
        // Rules are automation: the system hands the lead out, whoever captured it.
        const assigned = await leads.assignByRule(leadId, assign, {
          ...context,
          actorRole: 'system',
        });
        if (assigned.changed) result = { ...assigned, position: assigned.position };
      }
      reply.header('location', `/leads/${leadId}`);
      return answer(reply, result, result.changed ? 201 : 200);
    },
  );

  app.post(
    '/leads/:id/assign',
    {
      preHandler: requireRoles('sales_manager'),
      schema: {
        tags,
        summary: 'Assign a lead waiting in its pool: by hand, or by a rule',
        params: idParams,
        headers: ifMatchHeaders,
        body: assignBody,
        response: { 200: assignResult },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await requireVisibleLead(deps, request, id);
      const { rule, ownerId } = request.body;
      const context = contextOf(request);
      if (rule !== 'manual') return answer(reply, await leads.assignByRule(id, rule, context));
      const result = await pinned(request, (expected) =>
        leads.execute(id, { type: 'AssignLead', rule, ownerId: ownerId! }, context, expected),
      );
      return answer(reply, { ...result, ownerId: ownerId! });
    },
  );

  registerLeadCommandRoutes(app, deps);

  app.post(
    '/leads/:id/follow-ups/:taskId/complete',
    {
      preHandler: requireRoles(...WORKERS),
      schema: {
        tags,
        summary: 'Complete a follow-up task',
        params: taskParams,
        body: completeBody,
        response: { 200: writeResult },
      },
    },
    async (request, reply) => {
      const { id, taskId } = request.params;
      await requireVisibleLead(deps, request, id);
      const input = { type: 'CompleteFollowUp' as const, taskId, ...omitUndefined(request.body) };
      return answer(reply, await leads.execute(id, input, contextOf(request)));
    },
  );

  app.post(
    '/leads/:id/convert',
    {
      preHandler: requireRoles(...WORKERS),
      schema: {
        tags,
        summary: 'Convert into an opportunity, with an existing or a new customer',
        params: idParams,
        headers: ifMatchHeaders,
        body: convertBody,
        response: { 200: conversionResult, 201: conversionResult },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await requireVisibleLead(deps, request, id);
      const { opportunity, ...rest } = request.body;
      const input = {
        ...omitUndefined(rest),
        ...(opportunity && { opportunity: omitUndefined(opportunity) }),
      };
      const result = await pinned(request, (expected) =>
        leads.convert(id, input, contextOf(request), expected),
      );
      return answer(reply, result, result.changed ? 201 : 200);
    },
  );

  registerLeadQueryRoutes(app, deps);
}
