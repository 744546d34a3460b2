import { describe, expect, it } from 'vitest';
import { readCells, readHeader, type ColumnSpec } from './columns.ts';

type Field = 'id' | 'name' | 'phones' | 'emails' | 'city';
const spec: ColumnSpec<Field, 'phones' | 'emails'> = {
  fields: ['id', 'name', 'phones', 'emails', 'city'],
  aliases: { 名称: 'name', 手机: 'phones', 电话: 'phones', phone: 'phones', 城市: 'city' },
  listFields: ['phones', 'emails'],
  skipped: ['createdat'],
  required: ['name', ['phones', 'emails']],
};

describe('readHeader', () => {
  it('reads English names in any case, Chinese and lower-case aliases, and skipped columns', () => {
    expect(readHeader(spec, ['NAME', '手机', 'Phone', 'City', 'createdAt', ''])).toEqual({
      columns: ['name', 'phones', 'phones', 'city', 'computed', 'unnamed'],
      issues: [],
    });
  });

  it('names every unknown, repeated and missing column at once', () => {
    expect(readHeader(spec, ['城市', 'city', 'fax'])).toEqual({
      columns: ['city', 'city', 'unnamed'],
      issues: [
        { column: 'fax', code: 'UNKNOWN_COLUMN' },
        { column: 'city', code: 'DUPLICATE_COLUMN' },
        { column: 'name', code: 'MISSING_COLUMN' },
        { column: 'phones', code: 'MISSING_COLUMN' },
      ],
    });
  });

  it('is satisfied by any one field of a required group', () => {
    expect(readHeader(spec, ['name', 'emails']).issues).toEqual([]);
  });
});

describe('readCells', () => {
  it('splits lists on ; and ；, takes formula guards off and skips computed columns', () => {
    const { columns } = readHeader(spec, ['name', '手机', '电话', 'emails', 'createdAt']);
    const cells = [" '=李雷 ", '138 0013 8000；139 0000 1111', '', 'a@b.cn; ', '2026-01-01'];
    const { values, lists, unnamed } = readCells(spec, columns, cells);
    expect(Object.fromEntries(values)).toEqual({ name: '=李雷' });
    expect(lists).toEqual({ phones: ['138 0013 8000', '139 0000 1111'], emails: ['a@b.cn'] });
    expect(unnamed).toEqual([]);
  });

  it('says which values stand in columns without a name', () => {
    const { columns } = readHeader(spec, ['name', '']);
    expect(readCells(spec, columns, ['李雷', 'x', 'y']).unnamed).toEqual([2, 3]);
  });
});
