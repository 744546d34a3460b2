// One error mapper for every service: client mistakes keep their 4xx, the rest is a 500 that
// says nothing about its cause (the cause goes to the log).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, problem, sendProblem, type Problem } from './problem.ts';
import { collectFieldErrors, isValidationError, validationProblem } from './validation-problem.ts';

export type MapError = (error: unknown) => Problem | undefined;

/** The refusal kinds of `@crm/decider`'s DomainError, matched by shape so no import is needed. */
const DOMAIN_STATUS: Readonly<Record<string, number>> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
};

interface DomainErrorShape {
  code: string;
  kind: string;
  message: string;
  details?: unknown;
}

const isDomainErrorShape = (error: unknown): error is DomainErrorShape =>
  error instanceof Error &&
  typeof (error as { code?: unknown }).code === 'string' &&
  typeof (error as { kind?: unknown }).kind === 'string' &&
  (error as unknown as { kind: string }).kind in DOMAIN_STATUS;

interface WrongRevisionShape {
  expected: unknown;
  actual: unknown;
}

const isWrongExpectedRevision = (error: unknown): error is WrongRevisionShape =>
  error instanceof Error && (error as { code?: unknown }).code === 'WRONG_EXPECTED_REVISION';

/** Fastify's own client-error codes that deserve a clearer code than the status's. */
const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  431: 'HEADERS_TOO_LARGE',
};

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : undefined;
};

const INTERNAL = (): Problem =>
  problem({
    status: 500,
    code: 'INTERNAL_ERROR',
    detail: 'The server could not complete the request. Quote the requestId when reporting it.',
  });

export interface MappedError {
  problem: Problem;
  headers: Record<string, string>;
  /** Whether the server is at fault (logged at error level with the cause). */
  serverFault: boolean;
}

export const mapErrorToProblem = (
  error: unknown,
  request: FastifyRequest,
  mapError?: MapError,
): MappedError => {
  const answer = (body: Problem, headers: Record<string, string> = {}): MappedError => ({
    problem: body,
    headers,
    serverFault: body.status >= 500,
  });
  const custom = mapError?.(error);
  if (custom) return answer(custom);
  if (error instanceof HttpProblem) return answer(error.toProblem(), error.headers);
  if (isValidationError(error))
    return answer(validationProblem(collectFieldErrors(error, request)));
  if (isWrongExpectedRevision(error)) {
    return answer(
      problem({
        status: 409,
        code: 'CONCURRENCY_CONFLICT',
        title: 'The record was changed by someone else',
        detail: 'Reload the record and try again.',
        extra: { actualRevision: error.actual, expectedRevision: error.expected },
      }),
    );
  }
  if (isDomainErrorShape(error)) {
    return answer(
      problem({
        status: DOMAIN_STATUS[error.kind] ?? 422,
        code: error.code,
        detail: error.message,
        extra: { details: error.details ?? {} },
      }),
    );
  }
  const status = statusOf(error);
  if (status !== undefined && status < 500) {
    const fastifyCode = (error as Partial<FastifyError>).code ?? '';
    return answer(
      problem({
        status,
        code: FASTIFY_CODES[fastifyCode] ?? STATUS_CODES[status] ?? 'CLIENT_ERROR',
        detail: (error as Error).message,
      }),
    );
  }
  return answer(INTERNAL());
};

export const installErrorHandling = (app: FastifyInstance, mapError?: MapError): void => {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const mapped = mapErrorToProblem(error, request, mapError);
    if (mapped.serverFault) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: mapped.problem.code, status: mapped.problem.status }, 'refused');
    }
    reply.headers(mapped.headers);
    return sendProblem(reply, mapped.problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem({
        status: 404,
        code: 'ROUTE_NOT_FOUND',
        detail: `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`,
      }),
    ),
  );
};
