import { describe, expect, it } from 'vitest';
import { readHeader, type Column } from './columns.ts';
import { importedCustomerId } from './customer-key.ts';
import { guardFormula } from './export-csv.ts';
import { prepareRow } from './prepare-row.ts';

const columnsOf = (header: string): Column[] => {
  const { columns, issues } = readHeader(header.split(','));
  expect(issues).toEqual([]);
  return columns;
};

describe('readHeader', () => {
  it('reads English names in any case and the Chinese headers', () => {
    expect(columnsOf('ExternalID,KIND,name,手机,电话,邮箱,省份,城市,区县,标签,负责人')).toEqual([
      'externalId',
      'kind',
      'name',
      'phones',
      'phones',
      'emails',
      'province',
      'city',
      'district',
      'tags',
      'ownerId',
    ]);
  });

  it("accepts the export's computed columns and skips them", () => {
    expect(columnsOf('id,kind,name,interactionCount,lastInteractionAt,createdAt')).toEqual([
      'id',
      'kind',
      'name',
      'computed',
      'computed',
      'computed',
    ]);
  });

  it('names every unknown, repeated and missing column at once', () => {
    expect(readHeader(['名称', 'colour', 'city', '城市', 'size ']).issues).toEqual([
      { column: 'colour', code: 'UNKNOWN_COLUMN' },
      { column: '城市', code: 'DUPLICATE_COLUMN' },
      { column: 'kind', code: 'MISSING_COLUMN' },
    ]);
  });
});

describe('prepareRow', () => {
  const columns = columnsOf(
    'externalId,类型,名称,手机,电话,邮箱,省份,城市,区县,street,标签,性别,阶段,valueTier,ownerId',
  );

  it('builds the registration POST /customers would, with the id derived from the row', () => {
    const cells = [
      ' ERP-7 ',
      '个人',
      '王小明',
      '13800138000；13900139000',
      '010-12345678',
      'wang@example.com',
      '北京市',
      '北京市',
      '朝阳区',
      '建国路 88 号',
      'VIP; 华北 ;',
      '男',
      'customer',
      'A',
      'u-7',
    ];

    const prepared = prepareRow(columns, cells);

    expect(prepared).toEqual({
      ok: true,
      externalId: 'ERP-7',
      customerId: importedCustomerId({ externalId: 'ERP-7', phones: [], emails: [] }),
      input: {
        type: 'RegisterCustomer',
        kind: 'person',
        profile: {
          name: '王小明',
          gender: 'male',
          address: {
            country: 'CN',
            province: '北京市',
            city: '北京市',
            district: '朝阳区',
            street: '建国路 88 号',
          },
        },
        phones: ['13800138000', '13900139000', '010-12345678'],
        emails: ['wang@example.com'],
        tags: ['VIP', '华北'],
        classification: { lifecycleStage: 'customer', valueTier: 'A' },
        source: 'import',
        ownerId: 'u-7',
      },
    });
  });

  it('names every bad field by its column', () => {
    const cells = ['', 'alien', '', '12', '', 'not-mail', '', '深圳市', '', '', '', '', 'later'];

    const prepared = prepareRow(columns, cells);

    expect(prepared.ok).toBe(false);
    const fields = prepared.ok ? [] : prepared.errors.map((error) => error.field);
    expect(fields.sort()).toEqual(
      ['emails', 'kind', 'lifecycleStage', 'name', 'phones', 'province'].sort(),
    );
  });

  it('refuses cells the header does not name, and text that is not UTF-8', () => {
    const short = columnsOf('kind,name,phones');
    const codes = (cells: string[]) => {
      const prepared = prepareRow(short, cells);
      return prepared.ok ? [] : prepared.errors.map((error) => error.code);
    };
    expect(codes(['person', '甲', '13800138000', 'extra'])).toEqual(['TOO_MANY_CELLS']);
    expect(codes(['person', '\uFFFD\uFFFD', '13800138000'])).toEqual(['NOT_UTF8']);
    expect(
      prepareRow(readHeader(['kind', 'name', '', 'phones']).columns, [
        'person',
        '甲',
        'x',
        '13800138000',
      ]),
    ).toMatchObject({ ok: false, errors: [{ code: 'UNNAMED_COLUMN' }] });
  });

  it('needs a phone or an e-mail to know who the row is', () => {
    expect(prepareRow(columnsOf('kind,name'), ['company', '某公司'])).toMatchObject({
      ok: false,
      errors: [{ field: 'phones', code: 'CONTACT_REQUIRED' }],
    });
  });

  it("takes off the export's formula guard", () => {
    const prepared = prepareRow(columnsOf('kind,name,phones'), [
      'person',
      guardFormula('=王'),
      '13800138000',
    ]);
    expect(prepared).toMatchObject({ ok: true, input: { profile: { name: '=王' } } });
  });
});
