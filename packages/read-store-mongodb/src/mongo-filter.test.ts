import type { Filter } from '@crm/read-store';
import { describe, expect, it } from 'vitest';
import { escapeRegex, mongoFilter } from './mongo-filter.ts';

const codeOf = (work: () => unknown): unknown => {
  try {
    work();
    return 'returned';
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
};

describe('mongoFilter', () => {
  it('writes equality as $eq, so a value is never read as an operator', () => {
    expect(mongoFilter({ name: '$where', age: 3 })).toEqual({
      $and: [{ name: { $eq: '$where' } }, { age: { $eq: 3 } }],
    });
    expect(mongoFilter({ email: null })).toEqual({ email: { $eq: null } });
  });

  it('keeps several operators on one field and nests $or/$and', () => {
    expect(mongoFilter({ n: { $gte: 1, $lt: 5 } })).toEqual({
      $and: [{ n: { $gte: 1 } }, { n: { $lt: 5 } }],
    });
    const filter = { active: true, $or: [{ a: 1 }, { 'b.c': { $in: ['x', null] } }] };
    expect(mongoFilter(filter as Filter)).toEqual({
      $and: [
        { active: { $eq: true } },
        { $or: [{ a: { $eq: 1 } }, { 'b.c': { $in: ['x', null] } }] },
      ],
    });
  });

  it('reads an empty $or as nothing and an empty $and as everything', () => {
    expect(mongoFilter({ $or: [] })).toEqual({ _id: { $in: [] } });
    expect(mongoFilter({ $and: [] })).toEqual({});
    expect(mongoFilter({ _id: { $exists: false } })).toEqual({ _id: { $in: [] } });
    expect(mongoFilter({})).toEqual({});
  });

  it('turns $contains into an escaped, case-insensitive regex', () => {
    expect(mongoFilter({ name: { $contains: 'a.b*(c)' } })).toEqual({
      name: { $regex: 'a\\.b\\*\\(c\\)', $options: 'i' },
    });
    expect(new RegExp(escapeRegex('100% [x]?$^|\\'), 'i').test('Pay 100% [X]?$^|\\ now')).toBe(
      true,
    );
  });

  it('rejects what it cannot translate safely with INVALID_QUERY', () => {
    const bad: unknown[] = [
      { $where: 'true' },
      { 'a b': 1 },
      { name: { $regex: '.*' } },
      { name: { nested: 'object' } },
      { name: {} },
      { name: { $in: 'x' } },
      { name: { $in: [{}] } },
      { name: { $gt: true } },
      { name: { $gt: Number.NaN } },
      { name: { $eq: Infinity } },
      { name: { $contains: 1 } },
      { name: { $exists: 'yes' } },
      { $or: { name: 'x' } },
      { _v: 3 },
      { '_deleted.x': { $exists: true } },
    ];
    for (const filter of bad) {
      expect(
        codeOf(() => mongoFilter(filter as Filter)),
        JSON.stringify(filter),
      ).toBe('INVALID_QUERY');
    }
  });
});
