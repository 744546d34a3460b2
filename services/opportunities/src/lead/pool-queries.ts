// Reads about work and pools: a rep's due follow-ups (overdue first) and the lead pools (公海)
// with what waits in them, scoped to the pools and owners the caller may see.
import { HttpProblem, pageOptions, type ServiceApp } from '@crm/service-kit';
import { dueFollowUps } from '../projections/lead-follow-ups.ts';
import { LEADS, type LeadView } from '../projections/lead-view.ts';
import { dueQuery, poolLeadsQuery, poolParams } from './api-schemas.ts';
import { pageOf, waitForPosition, type LeadRouteDeps } from './api-support.ts';
import { viewerOf } from './scope.ts';

const tags = ['leads'];
const ACTIVE = ['open', 'qualified'];

export function registerPoolQueryRoutes(app: ServiceApp, deps: LeadRouteDeps): void {
  const { documentStore, projector, scope } = deps;
  const leads = documentStore.collection<LeadView>(LEADS);
  const waitFor = (position: number | undefined) => waitForPosition(projector, position);

  app.get(
    '/lead-follow-ups/due',
    {
      schema: {
        tags,
        summary: 'My due follow-ups: open tasks, earliest (overdue) first',
        querystring: dueQuery,
      },
    },
    async (request) => {
      const { ownerId, before, limit, cursor, waitForPosition } = request.query;
      await waitFor(waitForPosition);
      const me = request.user?.id ?? 'anonymous';
      const owner = ownerId ?? me;
      // Another rep's tasks only for who may see that rep's leads; else an empty list, no leak.
      if (owner !== me && !deps.teams.canSee(viewerOf(request.user), owner)) {
        return { items: [], nextCursor: null };
      }
      const page = await dueFollowUps(documentStore, owner, {
        limit,
        ...(before !== undefined && { before }),
        ...(cursor !== undefined && { cursor }),
      });
      const now = deps.clock().toISOString();
      return pageOf({
        ...page,
        items: page.items.map((task) => ({ ...task, overdue: task.dueAt < now })),
      });
    },
  );

  app.get(
    '/lead-pools',
    { schema: { tags, summary: 'The lead pools you see, with how many leads wait in each' } },
    async (request) => {
      const visible = new Set(scope.poolIds(viewerOf(request.user)));
      const pools = deps.leads.pools.pools.filter((pool) => visible.has(pool.id));
      const counts = await leads.countBy('poolId', { ownerId: null, status: { $in: ACTIVE } });
      const waiting = new Map(counts.map(({ value, count }) => [value, count]));
      return {
        items: pools.map((pool) => ({ ...pool, waiting: waiting.get(pool.id) ?? 0 })),
      };
    },
  );

  app.get(
    '/lead-pools/:poolId/leads',
    {
      schema: {
        tags,
        summary: 'The leads waiting in a pool (公海), oldest first',
        params: poolParams,
        querystring: poolLeadsQuery,
      },
    },
    async (request) => {
      const { poolId } = request.params;
      if (!scope.poolIds(viewerOf(request.user)).includes(poolId)) {
        throw new HttpProblem({
          status: 404,
          code: 'POOL_NOT_FOUND',
          detail: `No lead pool ${poolId}.`,
          extra: { poolId },
        });
      }
      const { limit, cursor, waitForPosition } = request.query;
      await waitFor(waitForPosition);
      const page = await leads.find(
        { poolId, ownerId: null, status: { $in: ACTIVE } },
        pageOptions({ field: 'capturedAt', direction: 'asc' }, { limit, cursor }),
      );
      return pageOf(page);
    },
  );
}
