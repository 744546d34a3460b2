// HTTP pieces the opportunity, quote and order routes share: the caller as command context and as
// viewer, If-Match (a stale one is 409), the write answer, and "not yours is not found".
import {
  answerWrite,
  HttpProblem,
  pinnedToIfMatch,
  requestContextOf,
  requireRoles,
  ROLES,
  type Role,
} from '@crm/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../sales-teams.ts';
import { idParams, ifMatchHeaders, writeResult } from './api-schemas.ts';
import type { SalesContext, WriteResult } from './sales-command.ts';

/** Who may change opportunities, quotes and orders (admin passes every requireRoles). */
export const SALES_WRITERS = ['sales_rep', 'sales_manager'] as const;

export const contextOf = (request: FastifyRequest): SalesContext => ({
  ...requestContextOf(request),
  actorRoles: request.user?.roles ?? [],
});

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

export const viewerOf = (request: FastifyRequest): Viewer => ({
  id: request.user?.id ?? 'anonymous',
  roles: (request.user?.roles ?? []).filter(isRole),
});

export const answer = (reply: FastifyReply, result: WriteResult, status = 200) =>
  answerWrite(reply, result, status);

/** Runs a write pinned to the client's If-Match: a record changed since answers 409. */
export const pinned = <T>(
  ifMatch: string | undefined,
  write: (expectedRevision: number | undefined) => Promise<T>,
): Promise<T> => pinnedToIfMatch(ifMatch, write);

/** A route on one record (`/:id`) that takes the client's If-Match. */
export type PinnedRequest = FastifyRequest & {
  params: { id: string };
  headers: { 'if-match'?: string | undefined };
};

/** A record's change: scoped (out of reach is 404), then decided on the log, pinned to If-Match. */
export const scopedExecutor =
  <Change, Result>(
    reach: (request: FastifyRequest, id: string) => Promise<unknown>,
    execute: (
      id: string,
      change: Change,
      context: SalesContext,
      expectedRevision: number | undefined,
    ) => Promise<Result>,
  ) =>
  async (request: PinnedRequest, change: Change): Promise<Result> => {
    const { id } = request.params;
    await reach(request, id);
    return pinned(request.headers['if-match'], (expected) =>
      execute(id, change, contextOf(request), expected),
    );
  };

/** Route options the sales writes share: who may write, and a write's schema (200 or 201). */
export const writeRouteOptions = (tags: string[]) => ({
  writers: { preHandler: requireRoles(...SALES_WRITERS) },
  write: { tags, params: idParams, headers: ifMatchHeaders, response: { 200: writeResult } },
  created: { tags, params: idParams, response: { 201: writeResult } },
});

/** 404 for what does not exist and for what the caller may not see alike, so ids do not leak. */
export const notFound = (code: string, field: string, id: string) =>
  new HttpProblem({
    status: 404,
    code,
    detail: `No ${field.replace(/Id$/, '')} ${id}.`,
    extra: { [field]: id },
  });
