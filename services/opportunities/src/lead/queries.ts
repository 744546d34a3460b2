// The lead read API. Reads come from the read models, except `asOf`, which folds the log: the log
// is the history. A client that just wrote can ask to wait until its write is readable. Every read
// is scoped: a lead the caller may not see is 404, lists hold only what the caller may see.
import type { Filter } from '@crm/read-store';
import { pageOptions, sendRecord, type ServiceApp } from '@crm/service-kit';
import type { FastifyRequest } from 'fastify';
import { LEAD_TIMELINE, type LeadTimelineEntry } from '../projections/lead-timeline.ts';
import { LEADS, type LeadView } from '../projections/lead-view.ts';
import { revisionReadable } from '../projections/view-reads.ts';
import {
  detailQuery,
  idParams,
  searchQuery,
  timelineQuery,
  type SearchQuery,
} from './api-schemas.ts';
import { leadNotFound, pageOf, waitForPosition, type LeadRouteDeps } from './api-support.ts';
import { registerPoolQueryRoutes } from './pool-queries.ts';
import { loadLeadView } from './lead-history.ts';
import { viewerOf } from './scope.ts';

const tags = ['leads'];
const ACTIVE = ['open', 'qualified'];

export function searchFilter(query: SearchQuery, me: string): Filter {
  const filter: Filter = {};
  if (query.status === 'active') filter.status = { $in: ACTIVE };
  else if (query.status !== 'all') filter.status = query.status;
  if (query.ownerId !== undefined) {
    filter.ownerId = query.ownerId === 'none' ? null : query.ownerId === 'me' ? me : query.ownerId;
  }
  for (const field of ['poolId', 'source', 'campaignId', 'followUpStatus'] as const) {
    const value = query[field];
    if (value !== undefined) filter[field] = value;
  }
  if (query.q) {
    filter.$or = [
      { name: { $contains: query.q } },
      { company: { $contains: query.q } },
      { phones: { $contains: query.q } },
      { emails: { $contains: query.q } },
    ];
  }
  return filter;
}

export function registerLeadQueryRoutes(app: ServiceApp, deps: LeadRouteDeps): void {
  const { eventStore, documentStore, projector, scope } = deps;
  const leads = documentStore.collection<LeadView>(LEADS);
  const timeline = documentStore.collection<LeadTimelineEntry>(LEAD_TIMELINE);
  const scoped = (request: FastifyRequest, filter: Filter): Filter => {
    const visible = scope.filter(viewerOf(request.user));
    return visible ? { $and: [filter, visible] } : filter;
  };
  const waitFor = (position: number | undefined) => waitForPosition(projector, position);
  const visibleView = async (request: FastifyRequest, id: string) => {
    const view = await leads.get(id);
    if (!view || !scope.canSee(viewerOf(request.user), view)) throw leadNotFound(id);
    return view;
  };

  app.get(
    '/leads/:id',
    {
      schema: {
        tags,
        summary: 'A lead (now, or as it was at a time)',
        params: idParams,
        querystring: detailQuery,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      return sendRecord(reply, request.query, {
        what: `lead ${id}`,
        notFound: () => leadNotFound(id),
        asOf: async (asOf) => {
          const view = await loadLeadView(eventStore, id, asOf);
          const now = await loadLeadView(eventStore, id);
          // Scoped by who holds it now: a lead that moved away is no longer yours to look back on.
          return view && now && scope.canSee(viewerOf(request.user), now) ? view : null;
        },
        readable: (revision) => revisionReadable(leads, id, revision, projector),
        current: () => visibleView(request, id),
      });
    },
  );

  app.get(
    '/leads',
    { schema: { tags, summary: 'Search leads (cursor pagination)', querystring: searchQuery } },
    async (request) => {
      const { sort, limit, cursor, waitForPosition } = request.query;
      await waitFor(waitForPosition);
      const me = request.user?.id ?? 'anonymous';
      const page = await leads.find(
        scoped(request, searchFilter(request.query, me)),
        pageOptions(sort, { limit, cursor }),
      );
      return pageOf(page);
    },
  );

  app.get(
    '/leads/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything that happened to a lead: claims, returns, reassignments, follow-ups',
        params: idParams,
        querystring: timelineQuery,
      },
    },
    async (request) => {
      const { id } = request.params;
      await visibleView(request, id);
      const { limit, cursor, order } = request.query;
      const page = await timeline.find(
        { leadId: id },
        pageOptions({ field: 'revision', direction: order }, { limit, cursor }),
      );
      return pageOf(page);
    },
  );

  registerPoolQueryRoutes(app, deps);
}
