// RFC 9457 problem details: the one shape every error answer of every service has.
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface Problem {
  /** A URI naming the kind of problem: `urn:crm:problem:<code in kebab case>`. */
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request path the problem occurred on. */
  instance?: string;
  /** Stable, machine-readable: clients and tests branch on this, never on `detail`. */
  code: string;
  requestId?: string;
  [extension: string]: unknown;
}

export interface ProblemInit {
  status: number;
  code: string;
  /** Defaults to the HTTP status phrase. */
  title?: string;
  detail?: string;
  /** Extension members, merged into the body (e.g. `errors`, `details`). */
  extra?: Record<string, unknown>;
}

/** The problem body as a zod schema, for routes to declare their error answers in OpenAPI. */
export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId']);

export const problemType = (code: string): string =>
  `urn:crm:problem:${code.toLowerCase().replaceAll('_', '-')}`;

/** Builds a problem body; `instance` and `requestId` are filled in when it is sent. */
export const problem = ({ status, code, title, detail, extra = {} }: ProblemInit): Problem => {
  const body: Problem = {
    type: problemType(code),
    title: title ?? STATUS_CODES[status] ?? 'Error',
    status,
    code,
  };
  if (detail !== undefined) body.detail = detail;
  // Extensions may not overwrite the standard members a client relies on.
  for (const [key, value] of Object.entries(extra)) if (!RESERVED.has(key)) body[key] = value;
  return body;
};

export interface HttpProblemInit extends ProblemInit {
  /** Response headers to send with the problem (e.g. WWW-Authenticate). */
  headers?: Record<string, string>;
  /** What led to it, for the log only. */
  cause?: unknown;
}

/** Throw this from a route or hook to answer with a specific problem. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(init: HttpProblemInit) {
    super(init.detail ?? init.title ?? init.code, { cause: init.cause });
    this.name = 'HttpProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.extra = init.extra ?? {};
    this.headers = init.headers ?? {};
  }

  toProblem(): Problem {
    const init: ProblemInit = { status: this.status, code: this.code, extra: this.extra };
    if (this.title !== undefined) init.title = this.title;
    if (this.detail !== undefined) init.detail = this.detail;
    return problem(init);
  }
}

export const isHttpProblem = (error: unknown): error is HttpProblem => error instanceof HttpProblem;

/** Sends the problem pre-serialised, so a route's response schemas never reshape or reject it. */
export const sendProblem = (reply: FastifyReply, body: Problem): FastifyReply => {
  const { request } = reply;
  const full: Problem = {
    ...body,
    instance: body.instance ?? request.url.split('?')[0] ?? '',
    requestId: request.id,
  };
  return reply
    .code(body.status)
    .header('x-request-id', request.id)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(full));
};
