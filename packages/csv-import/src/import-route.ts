// The POST route a CSV import is: the file is the body (text/csv), streamed to the handler unread,
// `?dryRun=true` checks every row and imports nothing. The CSV body parser lives in a scope of its
// own, so it applies to this route only.
import { Readable } from 'node:stream';
import { HttpProblem, type ServiceApp } from '@crm/service-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The type provider the service kit's app carries (zod), for the plugin scope below. */
type ServiceTypeProvider =
  ServiceApp extends FastifyInstance<infer _S, infer _Q, infer _R, infer _L, infer P> ? P : never;

export const dryRunQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: check every row and report, import nothing.'),
});

export interface CsvImportRoute<Query extends z.ZodObject> {
  url: string;
  /** Who may import, e.g. requireRoles('sales_manager'). */
  preHandler: (request: FastifyRequest) => Promise<void>;
  tags: string[];
  summary: string;
  description: string;
  /** More query parameters than dryRun. */
  query?: Query;
  /** The report's schema, if the route declares it. */
  report?: z.ZodType;
  handle: (
    request: FastifyRequest,
    file: { body: Readable; dryRun: boolean; query: z.output<Query> },
  ) => Promise<unknown>;
}

export function registerCsvImportRoute<Query extends z.ZodObject = typeof dryRunQuery>(
  app: ServiceApp,
  route: CsvImportRoute<Query>,
): void {
  const querystring = route.query ? dryRunQuery.extend(route.query.shape) : dryRunQuery;
  void app.register((plugin, _options, done) => {
    const scope = plugin.withTypeProvider<ServiceTypeProvider>();
    // The request goes to the route unread: the file is parsed while it streams in.
    scope.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, parsed) => {
      parsed(null, payload);
    });
    scope.post(
      route.url,
      {
        preHandler: route.preHandler,
        schema: {
          tags: route.tags,
          summary: route.summary,
          description: route.description,
          querystring,
          ...(route.report && { response: { 200: route.report } }),
        },
      },
      async (request) => {
        if (!(request.body instanceof Readable)) {
          throw new HttpProblem({
            status: 415,
            code: 'UNSUPPORTED_MEDIA_TYPE',
            detail: 'Send the file as the request body with Content-Type: text/csv.',
          });
        }
        const query = request.query as z.output<typeof dryRunQuery> & z.output<Query>;
        return route.handle(request, {
          body: request.body,
          dryRun: query.dryRun === 'true',
          query,
        });
      },
    );
    done();
  });
}
