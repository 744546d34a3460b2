// The lead commands that are a plain translation from HTTP to one application command: who may
// send it, its body, whether it takes If-Match, and the command it becomes.
import { randomUUID } from 'node:crypto';
import { requireRoles, type Role, type ServiceApp } from '@crm/service-kit';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { LeadCommandInput } from './application.ts';
import {
  activityBody,
  disqualifyBody,
  followUpStatusBody,
  idParams,
  ifMatchHeaders,
  linkBody,
  moveBody,
  qualifyBody,
  reassignBody,
  releaseBody,
  scheduleBody,
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

const tags = ['leads'];
const WORKERS: readonly Role[] = ['sales_rep', 'sales_manager'];

export function registerLeadCommandRoutes(app: ServiceApp, deps: LeadRouteDeps): void {
  const { leads } = deps;
  const requirePool = (poolId: string | undefined) => requireKnownPool(leads, poolId);
  const command = <Body extends z.ZodType>(
    path: string,
    summary: string,
    roles: readonly Role[],
    body: Body | undefined,
    toInput: (body: z.infer<Body>, request: FastifyRequest) => LeadCommandInput,
    options: { pinned?: boolean; created?: boolean; claimable?: boolean } = {},
  ) => {
    app.post(
      path,
      {
        preHandler: requireRoles(...roles),
        schema: {
          tags,
          summary,
          params: idParams,
          ...(options.pinned !== false && { headers: ifMatchHeaders }),
          ...(body && { body }),
          response: { [options.created ? 201 : 200]: writeResult },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        await requireVisibleLead(deps, request, id, { claimable: options.claimable === true });
        const input = toInput(request.body as z.infer<Body>, request);
        const context = contextOf(request);
        const result =
          options.pinned === false
            ? await leads.execute(id, input, context)
            : await pinned(request, (expected) => leads.execute(id, input, context, expected));
        return answer(reply, result, options.created && result.changed ? 201 : 200);
      },
    );
  };

  const managers: readonly Role[] = ['sales_manager'];
  command(
    '/leads/:id/reassign',
    'Hand an owned lead to another rep',
    managers,
    reassignBody,
    (b) => ({
      type: 'ReassignLead',
      ...omitUndefined(b),
    }),
  );
  command(
    '/leads/:id/claim',
    'Claim a lead from its pool (领取)',
    WORKERS,
    undefined,
    () => ({ type: 'ClaimLead' }),
    {
      pinned: false,
      claimable: true,
    },
  );
  command(
    '/leads/:id/release',
    'Give the lead back to its pool (退回公海)',
    WORKERS,
    releaseBody,
    (b) => ({
      type: 'ReleaseLead',
      reason: b.reason,
    }),
  );
  command('/leads/:id/move', 'Move a lead into a pool, without owner', managers, moveBody, (b) => {
    requirePool(b.poolId);
    return { type: 'MoveLeadToPool', ...omitUndefined(b) };
  });
  command(
    '/leads/:id/follow-up-status',
    'Set the follow-up status',
    WORKERS,
    followUpStatusBody,
    (b) => ({
      type: 'UpdateFollowUpStatus',
      status: b.status,
    }),
  );
  command(
    '/leads/:id/follow-ups',
    'Schedule a follow-up task with a due time and reminder',
    WORKERS,
    scheduleBody,
    (b) => ({ type: 'ScheduleFollowUp', ...omitUndefined(b), taskId: b.taskId ?? randomUUID() }),
    { pinned: false, created: true },
  );
  command(
    '/leads/:id/activities',
    'Log a follow-up activity (call, visit, WeChat, e-mail, note)',
    WORKERS,
    activityBody,
    (b) => ({ type: 'LogLeadActivity', ...b, activityId: b.activityId ?? randomUUID() }),
    { pinned: false, created: true },
  );
  command('/leads/:id/qualify', 'Qualify the lead', WORKERS, qualifyBody, (b) => ({
    type: 'QualifyLead',
    ...omitUndefined(b),
  }));
  command(
    '/leads/:id/disqualify',
    'Disqualify the lead, with a reason',
    WORKERS,
    disqualifyBody,
    (b) => ({
      type: 'DisqualifyLead',
      ...omitUndefined(b),
    }),
  );
  command(
    '/leads/:id/link-customer',
    'Link a blocked conversion to the existing customer',
    WORKERS,
    linkBody,
    (b) => ({ type: 'LinkLeadToExistingCustomer', customerId: b.customerId }),
  );
}
