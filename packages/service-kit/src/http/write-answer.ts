// What a command route takes from the request (who, which correlation, which trace) and how it
// answers (the write's result, its revision as the ETag).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export interface RequestContext {
  actor: string;
  correlationId: string;
  causationId: string;
  traceparent?: string;
}

/** The caller, the client's correlation id (else the request id) and the W3C trace. */
export const requestContextOf = (request: FastifyRequest): RequestContext => {
  const traceparent = request.headers.traceparent;
  const correlation = request.headers['x-correlation-id'];
  return {
    actor: request.user?.id ?? 'anonymous',
    correlationId:
      typeof correlation === 'string' && correlation.length <= 128 ? correlation : request.id,
    causationId: request.id,
    ...(typeof traceparent === 'string' ? { traceparent } : {}),
  };
};

export const writeResult = z.object({
  id: z.string(),
  revision: z.number().int().describe('The record revision after the write (also the ETag).'),
  position: z.number().int().nullable().describe('Log position of the write; null if unchanged.'),
  changed: z.boolean().describe('false when the command asked for what already was.'),
});

/** The write's result with its revision as the ETag (the next If-Match). */
export const answerWrite = <T extends { revision: number }>(
  reply: FastifyReply,
  result: T,
  status = 200,
) => reply.status(status).header('etag', `"${result.revision}"`).send(result);
