// What every lead route shares: the command context from the request, the client's revision
// (If-Match, 409 when stale), the answer with its ETag, and the scope check (404 for a lead the
// caller may not see, so ids do not leak).
import {
  answerWrite,
  behind,
  HttpProblem,
  pageOf,
  pinnedToIfMatch,
  requestContextOf,
  waitForPosition,
} from '@crm/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LeadsApplication, LeadContext, WriteResult } from './application.ts';
import { loadLeadView } from './lead-history.ts';
import { actorRoleOf, viewerOf, type LeadScope } from './scope.ts';
import type { SalesDeps } from '../sales-deps.ts';

export type LeadRouteDeps = SalesDeps & { leads: LeadsApplication; scope: LeadScope };

export const contextOf = (request: FastifyRequest): LeadContext => {
  const user = request.user;
  return {
    ...requestContextOf(request),
    actorRole: user ? actorRoleOf(user) : 'sales_rep',
  };
};

export const leadNotFound = (leadId: string): HttpProblem =>
  new HttpProblem({
    status: 404,
    code: 'LEAD_NOT_FOUND',
    detail: `No lead ${leadId}.`,
    extra: { leadId },
  });

/**
 * The lead as the log has it now, if the caller may see it; else 404. `claimable`: a lead of one
 * of the caller's pools counts as seen even when a teammate just claimed it, so the slower of two
 * racing claims hears 409 (LEAD_ALREADY_CLAIMED), not 404.
 */
export async function requireVisibleLead(
  deps: LeadRouteDeps,
  request: FastifyRequest,
  leadId: string,
  options: { claimable?: boolean } = {},
) {
  const view = await loadLeadView(deps.eventStore, leadId);
  const viewer = viewerOf(request.user);
  const visible =
    view !== null &&
    (deps.scope.canSee(viewer, view) ||
      (options.claimable === true && deps.scope.poolIds(viewer).includes(view.poolId)));
  if (!view || !visible) throw leadNotFound(leadId);
  return view;
}

/** Runs a write pinned to the client's If-Match; a stale one is 409, not a retry. */
export const pinned = <T>(
  request: FastifyRequest,
  write: (expectedRevision: number | undefined) => Promise<T>,
): Promise<T> => pinnedToIfMatch(request.headers['if-match'], write, 'lead');

export const answer = <T extends WriteResult>(reply: FastifyReply, result: T, status = 200) =>
  answerWrite(reply, result, status);

const unknownPool = (poolId: string) =>
  new HttpProblem({
    status: 422,
    code: 'UNKNOWN_POOL',
    detail: `No lead pool ${poolId} is configured.`,
    extra: { poolId },
  });

/** A pool named by the client must be configured (422 UNKNOWN_POOL). */
export const requireKnownPool = (
  leads: Pick<LeadsApplication, 'pools'>,
  poolId: string | undefined,
): void => {
  if (poolId !== undefined && !leads.pools.pool(poolId)) throw unknownPool(poolId);
};

export const omitUndefined = <T extends object>(
  value: T,
): { [K in keyof T]: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;

export { behind, pageOf, waitForPosition };
