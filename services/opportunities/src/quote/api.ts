// The quote write API: versions are drafted on an opportunity; each version is then updated,
// issued, accepted or rejected, or replaced by a new version (supersede).
import type { ServiceApp } from '@crm/service-kit';
import type { FastifyRequest } from 'fastify';
import { omitUndefined } from '../opportunity/api.ts';
import { canSeeOpportunity, visibleOpportunity } from '../opportunity/access.ts';
import type { OpportunitiesApplication } from '../opportunity/application.ts';
import {
  answer,
  contextOf,
  notFound,
  scopedExecutor,
  viewerOf,
  writeRouteOptions,
} from '../opportunity/http.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { draftBody, rejectBody, reviseBody, updateDraftBody } from './api-schemas.ts';
import type { QuoteChange, QuotesApplication } from './application.ts';

const tags = ['quotes'];

export const quoteNotFound = (quoteId: string) => notFound('QUOTE_NOT_FOUND', 'quoteId', quoteId);

/** A quote is in reach when its opportunity is. */
export async function visibleQuote(
  deps: SalesDeps,
  opportunities: OpportunitiesApplication,
  quotes: QuotesApplication,
  request: FastifyRequest,
  quoteId: string,
) {
  const { state } = await quotes.load(quoteId);
  if (state.status === 'undrafted') throw quoteNotFound(quoteId);
  if (
    !(await canSeeOpportunity(opportunities, deps.teams, viewerOf(request), state.opportunityId))
  ) {
    throw quoteNotFound(quoteId);
  }
  return state;
}

export function registerQuoteCommandRoutes(
  app: ServiceApp,
  deps: SalesDeps,
  opportunities: OpportunitiesApplication,
  quotes: QuotesApplication,
): void {
  const { writers, write, created } = writeRouteOptions(tags);
  const execute = scopedExecutor(
    (request, id) => visibleQuote(deps, opportunities, quotes, request, id),
    (id, change: QuoteChange, context, expected) => quotes.execute(id, change, context, expected),
  );
  const linesOf = <L extends object>(lines: readonly L[] | undefined) =>
    lines === undefined ? {} : { lines: lines.map(omitUndefined) };

  app.post(
    '/opportunities/:id/quotes',
    {
      ...writers,
      schema: {
        ...created,
        summary: 'Draft the next quote version (the previous one is superseded)',
        body: draftBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await visibleOpportunity(opportunities, deps.teams, viewerOf(request), id);
      const { lines, ...rest } = request.body;
      const result = await quotes.draft(
        id,
        { ...omitUndefined(rest), ...linesOf(lines) },
        contextOf(request),
      );
      return answer(reply.header('location', `/quotes/${result.id}`), result, 201);
    },
  );

  app.put(
    '/quotes/:id',
    {
      ...writers,
      schema: {
        ...write,
        summary: 'Replace the draft’s lines, validity and note',
        body: updateDraftBody,
      },
    },
    async (request, reply) => {
      const { lines, ...rest } = request.body;
      return answer(
        reply,
        await execute(request, {
          type: 'UpdateQuoteDraft',
          lines: lines.map(omitUndefined),
          ...omitUndefined(rest),
        }),
      );
    },
  );

  app.post(
    '/quotes/:id/issue',
    { ...writers, schema: { ...write, summary: 'Send the draft to the customer' } },
    async (request, reply) => answer(reply, await execute(request, { type: 'IssueQuote' })),
  );

  app.post(
    '/quotes/:id/accept',
    { ...writers, schema: { ...write, summary: 'Record the customer’s acceptance' } },
    async (request, reply) => answer(reply, await execute(request, { type: 'AcceptQuote' })),
  );

  app.post(
    '/quotes/:id/reject',
    {
      ...writers,
      schema: { ...write, summary: 'Record the customer’s rejection', body: rejectBody },
    },
    async (request, reply) =>
      answer(reply, await execute(request, { type: 'RejectQuote', reason: request.body.reason })),
  );

  app.post(
    '/quotes/:id/supersede',
    {
      ...writers,
      schema: {
        ...created,
        summary: 'Replace by a new version (this one’s lines unless others are given)',
        body: reviseBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await visibleQuote(deps, opportunities, quotes, request, id);
      const { lines, ...rest } = request.body;
      const result = await quotes.revise(
        id,
        { ...omitUndefined(rest), ...linesOf(lines) },
        contextOf(request),
      );
      return answer(reply.header('location', `/quotes/${result.id}`), result, 201);
    },
  );
}
