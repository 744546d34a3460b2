// The quote read API: one version (now or as of a time), and every version of an opportunity.
import {
  sendRecord,
  waitForPosition,
  waitForPositionQuery,
  type ServiceApp,
} from '@crm/service-kit';
import { visibleOpportunity } from '../opportunity/access.ts';
import type { OpportunitiesApplication } from '../opportunity/application.ts';
import { detailQuery, idParams } from '../opportunity/api-schemas.ts';
import { viewerOf } from '../opportunity/http.ts';
import { evolveQuoteView, type QuoteView } from '../projections/sales-quote-view.ts';
import { QUOTES } from '../projections/sales-quotes.ts';
import { revisionReadable, viewAsOf } from '../projections/view-reads.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { quoteStreamId } from '../streams.ts';
import { z } from 'zod';
import { quoteNotFound, visibleQuote } from './api.ts';
import type { QuotesApplication } from './application.ts';

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
      await visibleQuote(deps, opportunities, quotes, request, id);
      return sendRecord(reply, request.query, {
        what: `quote ${id}`,
        notFound: () => quoteNotFound(id),
        asOf: (asOf) => viewAsOf(deps.eventStore, quoteStreamId(id), asOf, evolveQuoteView),
        readable: (revision) => revisionReadable(views, id, revision, deps.projector),
        current: () => views.get(id),
      });
    },
  );

  app.get(
    '/opportunities/:id/quotes',
    {
      schema: {
        tags,
        summary: 'Every quote version of an opportunity, newest first',
        params: idParams,
        querystring: z.object({ waitForPosition: waitForPositionQuery }),
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
