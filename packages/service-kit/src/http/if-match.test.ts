import { describe, expect, it } from 'vitest';
import { isHttpProblem } from '../problem.ts';
import { pinnedToIfMatch, revisionFromIfMatch } from './if-match.ts';

/** Same shape as @crm/event-store's WrongExpectedRevision, which the kit matches by its code. */
class WrongExpectedRevision extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  readonly expected = 2;
  readonly actual = 5;
}

const stale = () => Promise.reject(new WrongExpectedRevision('moved on'));

describe('If-Match', () => {
  it('reads the revision of a strong, weak or bare ETag', () => {
    expect(['"3"', 'W/"3"', '3'].map(revisionFromIfMatch)).toEqual([3, 3, 3]);
    expect(revisionFromIfMatch(undefined)).toBeUndefined();
  });

  it('passes the If-Match revision to the write and its result back', async () => {
    await expect(pinnedToIfMatch('"2"', (revision) => Promise.resolve(revision))).resolves.toBe(2);
    await expect(pinnedToIfMatch(undefined, (revision) => Promise.resolve(revision))).resolves.toBe(
      undefined,
    );
  });

  it('answers a stale If-Match with 409 CONCURRENCY_CONFLICT and both revisions', async () => {
    const error: unknown = await pinnedToIfMatch('"2"', stale).catch((caught: unknown) => caught);
    expect(isHttpProblem(error)).toBe(true);
    expect(isHttpProblem(error) && error.toProblem()).toMatchObject({
      status: 409,
      code: 'CONCURRENCY_CONFLICT',
      expectedRevision: 2,
      actualRevision: 5,
    });
  });

  it('leaves a conflict without If-Match to the error handler (409)', async () => {
    await expect(pinnedToIfMatch(undefined, stale)).rejects.toBeInstanceOf(WrongExpectedRevision);
  });
});
