import { describe, expect, it } from 'vitest';
import { isHttpProblem } from '../problem.ts';
import { detailQuery, pageOf, pageOptions, pageQuery, waitForPosition } from './read-queries.ts';

describe('read queries', () => {
  it('waits for a position and answers 503 PROJECTION_BEHIND when it is not reached', async () => {
    const asked: number[] = [];
    const projector = (reached: boolean) => ({
      waitForPosition: (position: number) => {
        asked.push(position);
        return Promise.resolve(reached);
      },
    });
    await waitForPosition(projector(true), 7);
    await waitForPosition(projector(false), undefined);
    const error: unknown = await waitForPosition(projector(false), 9).catch((e: unknown) => e);
    expect(asked).toEqual([7, 9]);
    expect(isHttpProblem(error) && error.toProblem()).toMatchObject({
      status: 503,
      code: 'PROJECTION_BEHIND',
    });
  });

  it('answers the last page with nextCursor null', () => {
    expect(pageOf({ items: [1], nextCursor: 'c' })).toEqual({ items: [1], nextCursor: 'c' });
    expect(pageOf({ items: [] })).toEqual({ items: [], nextCursor: null });
  });

  it('coerces query strings and applies the defaults', () => {
    expect(detailQuery.parse({ waitForRevision: '3' })).toEqual({ waitForRevision: 3 });
    expect(detailQuery.safeParse({ asOf: 'yesterday' }).success).toBe(false);
    const page = pageQuery({ max: 500, default: 100 });
    expect(page.limit.parse(undefined)).toBe(100);
    expect(page.limit.safeParse('501').success).toBe(false);
  });

  it('turns a page query into find options: -field sorts descending, no cursor on page one', () => {
    expect(pageOptions('-createdAt', { limit: 50, cursor: undefined })).toEqual({
      sort: { field: 'createdAt', direction: 'desc' },
      limit: 50,
    });
    expect(pageOptions('name', { limit: 5, cursor: 'c2' })).toEqual({
      sort: { field: 'name', direction: 'asc' },
      limit: 5,
      cursor: 'c2',
    });
    const bySort = { field: 'position', direction: 'desc' } as const;
    expect(pageOptions(bySort, { limit: 1 }).sort).toBe(bySort);
  });
});
