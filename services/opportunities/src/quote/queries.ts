// The quote read API: one version (now or as of a time), and every version of an opportunity.
import { waitUntil } from '@crm/event-processing';
import type { ServiceApp } from '@crm/service-kit';
import { visibleOpportunity } from '../opportunity/access.ts';
import type { OpportunitiesApplication } from '../opportunity/application.ts';
import { detailQuery, idParams } from '../opportunity/api-schemas.ts';
import { behind, viewerOf, WAIT_MS } from '../opportunity/http.ts';
import { waitForPosition } from '../opportunity/queries.ts';
import { evolveQuoteView, type QuoteView } from '../projections/sales-quote-view.ts';
import { QUOTES } from '../projections/sales-quotes.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { quoteStreamId } from '../streams.ts';
import { z } from 'zod';
import { quoteNotFound, visibleQuote } from './api.ts';
import type { QuotesApplication } from './application.ts';
import type { QuoteEvent } from './quote.ts';

const tags = ['quotes'];

export function registerQuoteQueryRoutes(
  app: ServiceApp,
  deps: SalesDeps,
  opportunities: OpportunitiesApplication,
  quotes: QuotesApplication,
): void {
  const views = deps.documentStore.collection<QuoteView>(QUOTES);

  app.get(
    '/quotes/:id',
    {
      schema: {
        tags,
        summary: 'A quote version (now, or as it was at a time)',
        params: idParams,
        querystring: detailQuery,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { asOf, waitForRevision } = request.query;
      await visibleQuote(deps, opportunities, quotes, request, id);
      if (asOf !== undefined) {
        let view: QuoteView | null = null;
        for (const event of await deps.eventStore.readStream(quoteStreamId(id))) {
          if (Date.parse(event.recordedAt) > Date.parse(asOf)) break;
          view = evolveQuoteView(view, event as unknown as QuoteEvent, {
            recordedAt: event.recordedAt,
            revision: event.revision,
            actor: event.metadata.actor,
          });
        }
        if (!view) throw quoteNotFound(id);
        return reply.header('etag', `"${view.revision}"`).send({ ...view, asOf });
      }
      if (waitForRevision !== undefined) {
        const ready = await waitUntil(
          async () => ((await views.getVersioned(id))?.version ?? -1) >= waitForRevision,
          deps.projector,
          WAIT_MS,
        );
        if (!ready) throw behind(`Revision ${waitForRevision} of quote ${id}`);
      }
      const view = await views.get(id);
      if (!view) throw quoteNotFound(id);
      return reply.header('etag', `"${view.revision}"`).send(view);
    },
  );

  app.get(
    '/opportunities/:id/quotes',
    {
      schema: {
        tags,
        summary: 'Every quote version of an opportunity, newest first',
        params: idParams,
        querystring: z.object({ waitForPosition: z.coerce.number().int().min(0).optional() }),
      },
    },
    async (request) => {
      const { id } = request.params;
      await visibleOpportunity(opportunities, deps.teams, viewerOf(request), id);
      await waitForPosition(deps.projector, request.query.waitForPosition);
      const page = await views.find(
        { opportunityId: id },
        { sort: { field: 'version', direction: 'desc' }, limit: 1000 },
      );
      return { items: page.items };
    },
  );
}
