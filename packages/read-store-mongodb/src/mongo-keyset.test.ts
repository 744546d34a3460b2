import type { PageRequest } from '@crm/read-store';
import { describe, expect, it } from 'vitest';
import { afterCursor, sortValue } from './mongo-keyset.ts';

const request = (over: Partial<PageRequest>): PageRequest => ({
  field: 'n',
  direction: 'asc',
  limit: 10,
  after: null,
  ...over,
});

describe('afterCursor', () => {
  it('is absent on the first page and on _id a plain bound', () => {
    expect(afterCursor(request({}))).toBeNull();
    const byId = request({ field: '_id', direction: 'desc', after: { value: 'b', id: 'b' } });
    expect(afterCursor(byId)).toEqual({ _id: { $lt: 'b' } });
  });

  it('continues past a number into later types, ascending', () => {
    expect(afterCursor(request({ after: { value: 5, id: 'x' } }))).toEqual({
      $or: [
        { n: { $eq: 5 }, _id: { $gt: 'x' } },
        { n: { $gt: 5 } },
        { n: { $type: ['string', 'bool'] } },
      ],
    });
  });

  it('continues past a string into earlier types and missing, descending', () => {
    expect(afterCursor(request({ direction: 'desc', after: { value: 'm', id: 'x' } }))).toEqual({
      $or: [
        { n: { $eq: 'm' }, _id: { $lt: 'x' } },
        { n: { $lt: 'm' } },
        { n: { $type: ['number'] } },
        { n: { $eq: null } },
      ],
    });
  });

  it('after null: ties by _id, then every value ascending; only ties descending', () => {
    expect(afterCursor(request({ after: { value: null, id: 'x' } }))).toEqual({
      $or: [
        { n: { $eq: null }, _id: { $gt: 'x' } },
        { n: { $type: ['number', 'string', 'bool'] } },
      ],
    });
    expect(afterCursor(request({ direction: 'desc', after: { value: null, id: 'x' } }))).toEqual({
      $or: [{ n: { $eq: null }, _id: { $lt: 'x' } }],
    });
  });
});

describe('sortValue', () => {
  it('reads dotted paths, missing as null, and refuses arrays and objects', () => {
    expect(sortValue({ _id: 'a', a: { b: 'x' } }, 'a.b')).toBe('x');
    expect(sortValue({ _id: 'a', a: 'flat' }, 'a.b')).toBeNull();
    expect(sortValue({ _id: 'a' }, 'n')).toBeNull();
    expect(() => sortValue({ _id: 'a', n: [1] }, 'n')).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY' }),
    );
    expect(() => sortValue({ _id: 'a', a: [{ b: 1 }] }, 'a.b')).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY' }),
    );
  });
});
