// Turns a Fastify validation failure into a 400 problem naming every bad field of the request.
import type { FastifyRequest } from 'fastify';
import { $ZodType, safeParse } from 'zod/v4/core';
import { problem, type Problem } from './problem.ts';

export type RequestPart = 'params' | 'body' | 'querystring' | 'headers';

export interface FieldError {
  in: RequestPart;
  /** Dot path inside the part (`phones.0.number`); '' for the part itself. */
  path: string;
  message: string;
  /** The validator's issue code (zod's: `invalid_type`, `too_small`, ...). */
  code: string;
}

/** The order Fastify validates in: it stops at the first part that fails. */
const PARTS: readonly RequestPart[] = ['params', 'body', 'querystring', 'headers'];

interface ValidationItem {
  instancePath?: string;
  keyword?: string;
  message?: string;
}

interface FastifyValidationError {
  validation: readonly ValidationItem[];
  validationContext?: string;
}

export const isValidationError = (error: unknown): error is FastifyValidationError =>
  typeof error === 'object' &&
  error !== null &&
  Array.isArray((error as { validation?: unknown }).validation);

const isPart = (value: unknown): value is RequestPart =>
  typeof value === 'string' && (PARTS as readonly string[]).includes(value);

const dotPath = (instancePath: string): string => instancePath.split('/').filter(Boolean).join('.');

const valueOf = (request: FastifyRequest, part: RequestPart): unknown => {
  switch (part) {
    case 'params':
      return request.params;
    case 'body':
      return request.body;
    case 'querystring':
      return request.query;
    case 'headers':
      return request.headers;
  }
};

/**
 * The failing part's issues come with the error; the parts Fastify never reached are checked
 * here against the route's own zod schemas, so one answer lists every mistake in the request.
 * Parts before the failing one passed (and may already hold parsed values), so they are not rerun.
 */
export const collectFieldErrors = (
  error: FastifyValidationError,
  request: FastifyRequest,
): FieldError[] => {
  const failed: RequestPart = isPart(error.validationContext) ? error.validationContext : 'body';
  const errors: FieldError[] = error.validation.map((item) => ({
    in: failed,
    path: dotPath(item.instancePath ?? ''),
    message: item.message ?? 'is invalid',
    code: item.keyword ?? 'invalid',
  }));
  const schema = (request.routeOptions.schema ?? {}) as Partial<Record<RequestPart, unknown>>;
  for (const part of PARTS.slice(PARTS.indexOf(failed) + 1)) {
    const partSchema = schema[part];
    if (!(partSchema instanceof $ZodType)) continue;
    const raw = valueOf(request, part);
    const result = safeParse(partSchema, raw === undefined ? null : raw);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      errors.push({
        in: part,
        path: issue.path.map(String).join('.'),
        message: issue.message,
        code: issue.code,
      });
    }
  }
  return errors;
};

export const validationProblem = (errors: readonly FieldError[]): Problem =>
  problem({
    status: 400,
    code: 'VALIDATION_FAILED',
    title: 'The request is not valid',
    detail:
      errors.length === 1
        ? '1 field is invalid; see errors.'
        : `${errors.length} fields are invalid; see errors.`,
    extra: { errors },
  });
