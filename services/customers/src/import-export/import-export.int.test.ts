// CSV import and export through the real app on the embedded adapters: what a user uploads, what
// the report says, what the log holds afterwards, and what the export file contains.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from './export-csv.ts';
import type { ImportReport } from './import-csv.ts';
import {
  headersFor,
  openImportExportTestApp,
  type ImportExportTestApp,
} from './import-export-test-app.ts';

let testApp: ImportExportTestApp;
beforeEach(async () => {
  testApp = await openImportExportTestApp();
  return () => testApp.close();
});
afterEach(() => expect(testApp.projectionErrors).toEqual([]));

const upload: ImportExportTestApp['upload'] = (csv, options) => testApp.upload(csv, options);
const download: ImportExportTestApp['download'] = (query, as) => testApp.download(query, as);
const registerByApi = (phone: string) => testApp.registerByApi(phone);
const logHead = () => testApp.eventStore.headPosition();

const importOk = async (csv: string, query = ''): Promise<ImportReport> => {
  const { status, body } = await upload(csv, { query });
  expect(status).toBe(200);
  return body;
};

const rowsOf = (csv: string) =>
  parse<Record<(typeof EXPORT_COLUMNS)[number], string>>(csv, { bom: true, columns: true });

// Excel's "CSV UTF-8": a BOM, CRLF, Chinese headers and values.
const mixedFile = [
  '\uFEFF外部编号,类型,名称,手机,邮箱,省份,城市,区县,行业,标签,阶段',
  'ERP-001,企业,深圳市星河科技有限公司,13900000001,info@xinghe.cn,广东省,深圳市,南山区,information_technology,重点;华南,prospect',
  'ERP-002,个人,王小明,13900000002；13900000003,,北京市,北京市,朝阳区,,,customer',
  'ERP-003,alien,李雷,13900000004,not-an-email,,,,,,someday',
  'ERP-004,个人,韩梅梅,13900000009,,,,,,,',
  'ERP-005,企业,"上海某某贸易有限公司, 分公司",13900000005,,上海市,上海市,,wholesale_retail,,',
].join('\r\n');

describe('POST /customers/import', () => {
  it('imports the good rows and names every error of the bad ones', async () => {
    const existingId = await registerByApi('13900000009');

    const report = await importOk(mixedFile);

    expect(report).toMatchObject({ dryRun: false, total: 5, imported: 3, unchanged: 0 });
    expect(report.rows.map(({ row, line, status }) => ({ row, line, status }))).toEqual([
      { row: 3, line: 4, status: 'rejected' },
      { row: 4, line: 5, status: 'rejected' },
    ]);
    const [invalid, duplicate] = report.rows;
    expect(invalid?.errors.map((error) => error.field).sort()).toEqual([
      'emails',
      'kind',
      'lifecycleStage',
    ]);
    expect(invalid).toMatchObject({ externalId: 'ERP-003' });
    expect(duplicate?.errors).toEqual([
      expect.objectContaining({
        field: 'phones',
        code: 'DUPLICATE_CONTACT',
        existingCustomerId: existingId,
      }),
    ]);
    const company = rowsOf((await download('?province=广东省')).text);
    expect(company).toMatchObject([
      { name: '深圳市星河科技有限公司', kind: 'company', tags: '重点;华南', source: 'import' },
    ]);
  });

  it('imports nothing twice: the same file again leaves the log as it was', async () => {
    await registerByApi('13900000009');
    await importOk(mixedFile);
    const head = await logHead();

    const again = await importOk(mixedFile);

    expect(again).toMatchObject({ total: 5, imported: 0, unchanged: 3, rejected: 2 });
    expect(await importOk(mixedFile, '?dryRun=true')).toMatchObject({ imported: 0, unchanged: 3 });
    expect(await logHead()).toBe(head);
  });

  it('checks every row on a dry run and writes nothing', async () => {
    const existingId = await registerByApi('13900000009');
    const head = await logHead();

    const report = await importOk(mixedFile, '?dryRun=true');

    expect(report).toMatchObject({ dryRun: true, total: 5, imported: 3, rejected: 2 });
    expect(report.rows[1]?.errors[0]).toMatchObject({
      code: 'DUPLICATE_CONTACT',
      existingCustomerId: existingId,
    });
    expect(await logHead()).toBe(head);
  });

  it('treats rows of one file that share an id or a contact in file order', async () => {
    const file = [
      'externalId,kind,name,phones',
      'A,person,甲,13900000021',
      'A,person,甲,13900000021',
      'B,person,乙,13900000021',
    ].join('\n');

    for (const query of ['?dryRun=true', '']) {
      const report = await importOk(file, query);
      expect(report).toMatchObject({ total: 3, imported: 1, unchanged: 1, rejected: 1 });
      expect(report.rows[0]).toMatchObject({ row: 3, errors: [{ code: 'DUPLICATE_CONTACT' }] });
    }
  });

  it('refuses a header with unknown or missing columns before importing anything', async () => {
    const head = await logHead();

    const unknown = await upload('kind,name,phones,favouriteColour\nperson,甲,13900000031,蓝\n');
    const missing = await upload('kind,phones\nperson,13900000032\n');

    expect(unknown).toMatchObject({
      status: 400,
      body: {
        code: 'INVALID_CSV_HEADER',
        errors: [{ column: 'favouriteColour', code: 'UNKNOWN_COLUMN' }],
      },
    });
    expect(missing).toMatchObject({
      status: 400,
      body: { code: 'INVALID_CSV_HEADER', errors: [{ column: 'name', code: 'MISSING_COLUMN' }] },
    });
    expect(await logHead()).toBe(head);
  });

  it('keeps the rows before a syntax error and says where it stopped', async () => {
    const file = [
      'kind,name,phones',
      'person,甲,13900000041',
      '',
      'person,乙,13900000042',
      'person,"丙,13900000043',
      'person,丁,13900000044',
    ].join('\n');

    const report = await importOk(file);

    expect(report).toMatchObject({
      total: 2,
      imported: 2,
      stoppedEarly: { code: 'MALFORMED_CSV', line: 5 },
    });
  });

  it('answers 403 to a role that may not import, 415 to a body that is not CSV', async () => {
    expect((await upload(mixedFile, { as: 'analyst' })).status).toBe(403);
    const json = await testApp.app.inject({
      method: 'POST',
      url: '/customers/import',
      headers: await headersFor('marketer'),
      payload: { kind: 'person' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('GET /customers/export.csv', () => {
  it('writes every matching customer for Excel, and the file imports as unchanged', async () => {
    await registerByApi('13900000009');
    await importOk(mixedFile);

    const response = await download();

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.text.startsWith(`\uFEFF${EXPORT_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = rowsOf(response.text);
    expect(rows.map((row) => row.name).sort()).toEqual(
      ['上海某某贸易有限公司, 分公司', '深圳市星河科技有限公司', '已有客户', '王小明'].sort(),
    );
    expect(rows.find((row) => row.name === '王小明')).toMatchObject({
      phones: '+8613900000002;+8613900000003',
      lifecycleStage: 'customer',
      province: '北京市',
      interactionCount: '0',
    });
    const people = rowsOf((await download('?kind=person')).text);
    expect(people.map((row) => row.name).sort()).toEqual(['已有客户', '王小明'].sort());
    const head = await logHead();

    const again = await importOk(response.text);

    expect(again).toMatchObject({ total: 4, imported: 0, unchanged: 4, rejected: 0 });
    expect(await logHead()).toBe(head);
  });

  it('answers 403 to a role that may not export', async () => {
    expect((await download('', 'sales_rep')).status).toBe(403);
  });
});
