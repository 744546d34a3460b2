// One row of a lead file, checked without I/O: headers in both languages, every bad field named,
// and a lead id that stays the same when the file is imported again.
import { describe, expect, it } from 'vitest';
import { readHeader } from './columns.ts';
import { importedLeadId } from './lead-key.ts';
import { prepareRow } from './prepare-row.ts';

const chinese = readHeader([
  '姓名',
  '公司',
  '手机',
  '电话',
  '邮箱',
  '来源',
  '活动',
  '备注',
  '省',
  '市',
  '行业',
]);

describe('readHeader', () => {
  it('reads Chinese and English headers, several phone columns, any case', () => {
    expect(chinese.issues).toEqual([]);
    expect(readHeader(['Name', 'PHONE', 'Email', 'Campaign ID', 'ownerId'])).toEqual({
      columns: ['name', 'phones', 'emails', 'campaignId', 'ownerId'],
      issues: [],
    });
  });

  it('names unknown, repeated and missing columns', () => {
    expect(readHeader(['姓名', '名字', '公司', '公司']).issues).toEqual([
      { column: '名字', code: 'UNKNOWN_COLUMN' },
      { column: '公司', code: 'DUPLICATE_COLUMN' },
      { column: 'phones', code: 'MISSING_COLUMN' },
    ]);
    expect(readHeader(['email']).issues).toEqual([{ column: 'name', code: 'MISSING_COLUMN' }]);
  });
});

describe('prepareRow', () => {
  const row = (cells: string[]) => prepareRow(chinese.columns, cells);

  it('turns a row into the capture input, into the pool, with the source in English', () => {
    const prepared = row([
      '李雷',
      '上海星河科技',
      '139 0000 0001',
      '021-12345678',
      'Li.Lei@Xinghe.CN',
      '展会',
      'cmp-expo',
      '要报价',
      '上海',
      '上海市',
      'manufacturing',
    ]);
    expect(prepared).toMatchObject({
      ok: true,
      input: {
        name: '李雷',
        company: '上海星河科技',
        phones: ['139 0000 0001', '021-12345678'],
        emails: ['Li.Lei@Xinghe.CN'],
        source: 'exhibition',
        campaignId: 'cmp-expo',
        notes: '要报价',
        region: { province: '上海', city: '上海市' },
        industry: 'manufacturing',
        ownerId: null,
      },
    });
  });

  it('names every bad field of a row, by its column', () => {
    const prepared = row(['', '', '12345', '', 'nobody', '路边', '', '', '上海', '', '']);
    expect(prepared.ok).toBe(false);
    const fields = prepared.ok ? [] : prepared.errors.map((error) => error.field);
    expect(fields.sort()).toEqual(['city', 'emails', 'name', 'phones', 'source']);
  });

  it('refuses a row without any contact and values under no header', () => {
    const none = row(['李雷', '', '', '', '', '', '', '', '', '', '']);
    expect(none.ok ? [] : none.errors.map((error) => error.field)).toEqual(['phones']);
    const extra = row(['李雷', '', '13900000001', '', '', '', '', '', '', '', '', 'stray']);
    expect(extra.ok ? [] : extra.errors.map((error) => error.code)).toEqual(['TOO_MANY_CELLS']);
  });
});

describe('importedLeadId', () => {
  it('is the same for the same person in the same campaign, however the phone is written', () => {
    const a = importedLeadId({ campaignId: 'c1', phones: ['13900000001'], emails: [] });
    const b = importedLeadId({
      campaignId: 'c1',
      phones: ['+86 139-0000-0001'],
      emails: ['x@y.cn'],
    });
    expect(a).toBe(b);
    expect(importedLeadId({ campaignId: 'c2', phones: ['13900000001'], emails: [] })).not.toBe(a);
  });

  it('prefers the id the file states, then the source system id', () => {
    expect(importedLeadId({ id: 'lead-7', externalId: 'X', phones: [], emails: [] })).toBe(
      'lead-7',
    );
    const external = importedLeadId({ externalId: 'X', phones: ['13900000001'], emails: [] });
    expect(external).toBe(importedLeadId({ externalId: 'X', phones: [], emails: ['a@b.cn'] }));
    expect(importedLeadId({ phones: ['bad'], emails: [] })).toBeNull();
  });
});
