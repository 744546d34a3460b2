// The customer read API. Reads come from the read models, except `asOf`, which folds the log: the
// log is the history. A client that just wrote can ask to wait until its write is readable.
import { normalizeEmail, normalizePhone } from '@crm/contracts';
import { waitUntil, type Projector } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore, Filter } from '@crm/read-store';
import {
  HttpProblem,
  pageOf,
  pageOptions,
  sendRecord,
  WAIT_MS,
  waitForPosition,
  type ServiceApp,
} from '@crm/service-kit';
import { z } from 'zod';
import { DETAILS, LIST } from '../projections/customer-directory.ts';
import { TIMELINE, type TimelineEntry } from '../projections/customer-timeline.ts';
import {
  evolveCustomerView,
  type CustomerListItem,
  type CustomerView,
} from '../projections/customer-view.ts';
import { customerStreamId } from '../streams.ts';
import type { CustomerEvent } from './customer.ts';
import { detailQuery, idParams, searchQuery, statsQuery, type SearchQuery } from './api-schemas.ts';

const tags = ['customers'];

export interface QueryPorts {
  eventStore: EventStore;
  documentStore: DocumentStore;
  projector: Projector;
}

const notFound = (id: string) =>
  new HttpProblem({
    status: 404,
    code: 'CUSTOMER_NOT_FOUND',
    detail: `No customer ${id}.`,
    extra: { customerId: id },
  });

/** The list filter for a search query (shared with the CSV export). */
export function searchFilter(
  query: Omit<SearchQuery, 'sort' | 'limit' | 'cursor' | 'waitForPosition'>,
): Filter {
  const filter: Filter = {};
  if (query.status !== 'all') filter.status = query.status;
  if (query.name) filter.name = { $contains: query.name };
  if (query.phone)
    filter.phones = normalizePhone(query.phone).ok
      ? (normalizePhone(query.phone) as { e164: string }).e164
      : query.phone;
  if (query.email)
    filter.emails = normalizeEmail(query.email).ok
      ? (normalizeEmail(query.email) as { email: string }).email
      : query.email;
  if (query.tag) filter.tags = query.tag;
  if (query.ownerId) filter.ownerId = query.ownerId === 'none' ? null : query.ownerId;
  for (const field of [
    'industry',
    'province',
    'city',
    'district',
    'lifecycleStage',
    'valueTier',
    'size',
    'kind',
  ] as const) {
    const value = query[field];
    if (value !== undefined) filter[field] = value;
  }
  if (query.q) {
    filter.$or = [
      { name: { $contains: query.q } },
      { phones: { $contains: query.q } },
      { emails: { $contains: query.q } },
    ];
  }
  return filter;
}

export function registerCustomerQueryRoutes(app: ServiceApp, ports: QueryPorts): void {
  const { eventStore, documentStore, projector } = ports;
  const details = documentStore.collection<CustomerView>(DETAILS);
  const list = documentStore.collection<CustomerListItem>(LIST);
  const timeline = documentStore.collection<TimelineEntry>(TIMELINE);

  app.get(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'A customer (now, or as it was at a time)',
        params: idParams,
        querystring: detailQuery,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      return sendRecord(reply, request.query, {
        what: `customer ${id}`,
        notFound: () => notFound(id),
        asOf: (asOf) => customerAsOf(eventStore, id, asOf),
        readable: (revision) =>
          waitUntil(
            async () => ((await details.getVersioned(id))?.version ?? -1) >= revision,
            projector,
            WAIT_MS,
          ),
        current: () => details.get(id),
      });
    },
  );

  app.get(
    '/customers',
    {
      schema: { tags, summary: 'Search customers (cursor pagination)', querystring: searchQuery },
    },
    async (request) => {
      const { sort, limit, cursor, waitForPosition: position, ...query } = request.query;
      await waitForPosition(projector, position);
      const page = await list.find(searchFilter(query), pageOptions(sort, { limit, cursor }));
      return pageOf(page);
    },
  );

  app.get(
    '/customers/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything that happened to a customer, interactions included, in order',
        params: idParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          cursor: z.string().max(1000).optional(),
          order: z.enum(['asc', 'desc']).default('asc'),
        }),
      },
    },
    async (request) => {
      const { id } = request.params;
      const view = await details.get(id);
      if (!view) throw notFound(id);
      // A survivor's history includes the history of the duplicates merged into it.
      const ids = [id, ...view.absorbedDuplicateIds];
      const page = await timeline.find(
        ids.length === 1 ? { customerId: id } : { customerId: { $in: ids } },
        pageOptions({ field: 'occurredAt', direction: request.query.order }, request.query),
      );
      return pageOf(page);
    },
  );

  app.get(
    '/customers/stats',
    {
      schema: {
        tags,
        summary: 'Counts of customers by region, industry, stage, tier, owner, ...',
        querystring: statsQuery,
      },
    },
    async (request) => {
      const { by, status } = request.query;
      const groups = await list.countBy(by, status === 'all' ? {} : { status });
      return {
        by,
        total: groups.reduce((sum, group) => sum + group.count, 0),
        groups: groups.sort((a, b) => b.count - a.count),
      };
    },
  );
}

/** The customer as it was at a time, folded from the log (null: not registered yet). */
async function customerAsOf(
  eventStore: EventStore,
  id: string,
  asOf: string,
): Promise<CustomerView | null> {
  const events = await eventStore.readStream(customerStreamId(id));
  let view: CustomerView | null = null;
  for (const event of events) {
    if (Date.parse(event.recordedAt) > Date.parse(asOf)) break;
    view = evolveCustomerView(view, event as unknown as CustomerEvent, {
      recordedAt: event.recordedAt,
      revision: event.revision,
      actor: event.metadata.actor,
    });
  }
  // Erasure reaches back in time: the log keeps the facts, never their personal data.
  if (view && events.some((event) => event.type === 'PersonalDataErased')) {
    view = { ...view, profile: {}, phones: [], emails: [], tags: [], recentInteractions: [] };
  }
  return view;
}
