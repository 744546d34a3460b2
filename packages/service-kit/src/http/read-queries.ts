// What read routes share: read-your-writes (wait until a write is readable, else 503), the record
// as of a time, cursor pages, and the record's revision as its ETag.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { HttpProblem } from '../problem.ts';

/** Read-your-writes waits at most this long. */
export const WAIT_MS = 5_000;

export const waitForPositionQuery = z.coerce
  .number()
  .int()
  .min(0)
  .optional()
  .describe('Wait until the list includes this write.');
export const waitForRevisionQuery = z.coerce
  .number()
  .int()
  .min(0)
  .optional()
  .describe('Wait until this revision is readable.');
export const asOfQuery = z.iso
  .datetime({ offset: true })
  .optional()
  .describe('The record as it was at this time.');

/** `?asOf=` (from the log) or `?waitForRevision=` (after a write) on a one-record read. */
export const detailQuery = z.object({ asOf: asOfQuery, waitForRevision: waitForRevisionQuery });

/** `?limit=&cursor=` of a cursor-paged list. */
export const pageQuery = (
  limits: { max: number; default: number } = { max: 200, default: 50 },
) => ({
  limit: z.coerce.number().int().min(1).max(limits.max).default(limits.default),
  cursor: z.string().max(1000).optional(),
});

export const behind = (what: string): HttpProblem =>
  new HttpProblem({
    status: 503,
    code: 'PROJECTION_BEHIND',
    detail: `${what} is not readable yet; retry shortly.`,
  });

/** Read-your-writes for lists: wait until every projection has passed this log position. */
export async function waitForPosition(
  projector: { waitForPosition: (position: number, timeoutMs: number) => Promise<boolean> },
  position: number | undefined,
): Promise<void> {
  if (position !== undefined && !(await projector.waitForPosition(position, WAIT_MS))) {
    throw behind(`Position ${position}`);
  }
}

export interface PageSort {
  field: string;
  direction: 'asc' | 'desc';
}

/** The find options of one cursor page; a sort written `-name` is by name, descending. */
export const pageOptions = (
  sort: string | PageSort,
  page: { limit: number; cursor?: string | undefined },
): { sort: PageSort; limit: number; cursor?: string } => ({
  sort:
    typeof sort !== 'string'
      ? sort
      : sort.startsWith('-')
        ? { field: sort.slice(1), direction: 'desc' }
        : { field: sort, direction: 'asc' },
  limit: page.limit,
  ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
});

/** A page as the API answers it: `nextCursor` null on the last page. */
export const pageOf = <T>(page: { items: T[]; nextCursor?: string }) => ({
  items: page.items,
  nextCursor: page.nextCursor ?? null,
});

/** One record with its revision as the ETag (the If-Match of the next write). */
export const sendWithEtag = (
  reply: FastifyReply,
  view: { revision: number },
  body: object = view,
) => reply.header('etag', `"${view.revision}"`).send(body);
