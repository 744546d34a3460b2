// HTTP pieces the opportunity, quote and order routes share: the caller as command context and as
// viewer, If-Match (a stale one is 412), the write answer, and "not yours is not found".
import { isWrongExpectedRevision } from '@crm/event-store';
import { HttpProblem, ROLES, type Role } from '@crm/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../sales-teams.ts';
import type { SalesContext, WriteResult } from './sales-command.ts';

/** Who may change opportunities, quotes and orders (admin passes every requireRoles). */
export const SALES_WRITERS = ['sales_rep', 'sales_manager'] as const;

export const contextOf = (request: FastifyRequest): SalesContext => {
  const traceparent = request.headers.traceparent;
  const correlation = request.headers['x-correlation-id'];
  return {
    actor: request.user?.id ?? 'anonymous',
    actorRoles: request.user?.roles ?? [],
    correlationId:
      typeof correlation === 'string' && correlation.length <= 128 ? correlation : request.id,
    causationId: request.id,
    ...(typeof traceparent === 'string' ? { traceparent } : {}),
  };
};

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

export const viewerOf = (request: FastifyRequest): Viewer => ({
  id: request.user?.id ?? 'anonymous',
  roles: (request.user?.roles ?? []).filter(isRole),
});

export const revisionFrom = (ifMatch: string | undefined): number | undefined =>
  ifMatch === undefined ? undefined : Number(ifMatch.replace(/\D/g, ''));

export const answer = (reply: FastifyReply, result: WriteResult, status = 200) =>
  reply.status(status).header('etag', `"${result.revision}"`).send(result);

/** Runs a write pinned to the client's If-Match: a record changed since answers 412. */
export async function pinned<T>(
  ifMatch: string | undefined,
  write: (expectedRevision: number | undefined) => Promise<T>,
): Promise<T> {
  const expected = revisionFrom(ifMatch);
  try {
    return await write(expected);
  } catch (error) {
    if (expected === undefined || !isWrongExpectedRevision(error)) throw error;
    throw new HttpProblem({
      status: 412,
      code: 'PRECONDITION_FAILED',
      detail: 'The record changed since the ETag you sent: reload it and try again.',
      extra: { expectedRevision: expected, actualRevision: error.actual },
    });
  }
}

/** 404 for what does not exist and for what the caller may not see alike, so ids do not leak. */
export const notFound = (code: string, field: string, id: string) =>
  new HttpProblem({
    status: 404,
    code,
    detail: `No ${field.replace(/Id$/, '')} ${id}.`,
    extra: { [field]: id },
  });

export const behind = (what: string) =>
  new HttpProblem({
    status: 503,
    code: 'PROJECTION_BEHIND',
    detail: `${what} is not readable yet; retry shortly.`,
  });

/** Read-your-writes waits at most this long. */
export const WAIT_MS = 5_000;
