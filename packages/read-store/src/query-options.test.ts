import { describe, expect, it } from 'vitest';
import { assertFieldPath, encodeCursor, pageRequest } from './query-options.ts';

const codeOf = (work: () => unknown): unknown => {
  try {
    work();
    return 'no error';
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
};

describe('assertFieldPath', () => {
  it.each(['name', '_id', 'address.province', 'a1.b_2.c'])('accepts %s', (field) => {
    expect(codeOf(() => assertFieldPath(field))).toBe('no error');
  });

  it.each(['', '$where', 'a..b', 'a.', '1a', 'tags.0', "a')", 'a b', 'a-b', '名字'])(
    'rejects %j with INVALID_QUERY',
    (field) => expect(codeOf(() => assertFieldPath(field))).toBe('INVALID_QUERY'),
  );
});

describe('pageRequest', () => {
  it('defaults to _id ascending, 50 a page', () => {
    expect(pageRequest()).toEqual({ field: '_id', direction: 'asc', limit: 50, after: null });
  });

  it('caps the limit at 1000 and refuses one below 1', () => {
    expect(pageRequest({ limit: 5000 }).limit).toBe(1000);
    expect(codeOf(() => pageRequest({ limit: 0 }))).toBe('INVALID_QUERY');
    expect(codeOf(() => pageRequest({ limit: 2.5 }))).toBe('INVALID_QUERY');
  });

  it('reads back the cursor it wrote, for the same sort only', () => {
    const sort = { field: 'age', direction: 'desc' } as const;
    const cursor = encodeCursor(pageRequest({ sort }), 34, 'p4');
    expect(pageRequest({ sort, cursor, limit: 10 }).after).toEqual({ value: 34, id: 'p4' });
    expect(codeOf(() => pageRequest({ cursor }))).toBe('INVALID_QUERY');
    const garbage = Buffer.from('{"f":"age"}').toString('base64url');
    expect(codeOf(() => pageRequest({ sort, cursor: garbage }))).toBe('INVALID_QUERY');
  });
});
