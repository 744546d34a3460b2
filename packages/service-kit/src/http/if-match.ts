// Optimistic concurrency over HTTP: the client sends the ETag it read as If-Match and the write is
// pinned to that revision. A record changed since is a conflict like any other (ADR 0004): 409
// CONCURRENCY_CONFLICT with both revisions, never retried behind the client's back.
import { z } from 'zod';
import { HttpProblem } from '../problem.ts';

export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"?\d+"?$/, 'an ETag from a previous answer, e.g. "3"')
    .optional(),
});

/** The revision an If-Match names (`"3"`, `W/"3"`, `3`), if the client sent one. */
export const revisionFromIfMatch = (ifMatch: string | undefined): number | undefined =>
  ifMatch === undefined ? undefined : Number(ifMatch.replace(/\D/g, ''));

const isWrongExpectedRevision = (error: unknown): error is Error & { actual: unknown } =>
  error instanceof Error && (error as { code?: unknown }).code === 'WRONG_EXPECTED_REVISION';

/** Runs a write pinned to the client's If-Match; a stale one is 409, not a retry. */
export async function pinnedToIfMatch<T>(
  ifMatch: string | undefined,
  write: (expectedRevision: number | undefined) => Promise<T>,
  what = 'record',
): Promise<T> {
  const expected = revisionFromIfMatch(ifMatch);
  try {
    return await write(expected);
  } catch (error) {
    if (expected === undefined || !isWrongExpectedRevision(error)) throw error;
    throw new HttpProblem({
      status: 409,
      code: 'CONCURRENCY_CONFLICT',
      title: 'The record was changed by someone else',
      detail: `The ${what} changed since the ETag you sent: reload it and try again.`,
      extra: { expectedRevision: expected, actualRevision: error.actual },
    });
  }
}
