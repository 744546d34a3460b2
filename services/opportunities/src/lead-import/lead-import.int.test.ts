// Lead CSV import through the real app on the embedded adapters: what a user uploads, what the
// report says, and what the log holds afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openImportTestApp, type ImportTestApp } from './import-test-app.ts';

let t: ImportTestApp;
beforeEach(async () => {
  t = await openImportTestApp();
  return () => t.close();
});
afterEach(() => expect(t.projectionErrors).toEqual([]));

const stateOf = async (leadId: string) => (await t.service.leads.load(leadId)).state;

// Excel's "CSV UTF-8": a BOM, CRLF, Chinese headers and values.
const exhibitionFile = [
  '\uFEFF外部编号,姓名,公司,手机,邮箱,来源,活动,备注,省,市,行业',
  'EXPO-001,李雷,上海星河科技有限公司,13900000001,li.lei@xinghe.cn,展会,cmp-expo-2026,对CRM感兴趣,上海,上海市,information_technology',
  'EXPO-002,韩梅梅,,13900000002；13900000003,,展会,cmp-expo-2026,,,,',
  'EXPO-003,王强,某公司,12345,not-an-email,展会,,,,,',
  'EXPO-004,,无名公司,13900000004,,展会,,,江苏,,',
  'EXPO-005,张伟,"北京某某贸易有限公司, 分公司",13900000009,,广告,,,北京,北京市,',
].join('\r\n');

describe('POST /leads/import', () => {
  it('captures the good rows into their pool, names every error and flags known customers', async () => {
    await t.knownCustomer('cus-existing', '+8613900000009');

    const { status, body } = await t.upload(exhibitionFile);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      dryRun: false,
      total: 5,
      imported: 3,
      unchanged: 0,
      rejected: 2,
      flagged: 1,
    });
    expect(body.rows.map(({ row, line, status: rowStatus }) => [row, line, rowStatus])).toEqual([
      [3, 4, 'rejected'],
      [4, 5, 'rejected'],
      [5, 6, 'imported'],
    ]);
    const [invalid, incomplete, flagged] = body.rows;
    expect(invalid?.errors?.map((error) => error.field).sort()).toEqual(['emails', 'phones']);
    expect(invalid).toMatchObject({ externalId: 'EXPO-003' });
    expect(incomplete?.errors?.map((error) => error.field).sort()).toEqual(['city', 'name']);
    expect(flagged).toMatchObject({ externalId: 'EXPO-005', matchingCustomerId: 'cus-existing' });

    const lead = await stateOf(flagged!.leadId!);
    expect(lead).toMatchObject({
      status: 'open',
      name: '张伟',
      company: '北京某某贸易有限公司, 分公司',
      source: 'advertising',
      region: { province: '北京', city: '北京市' },
      ownerId: null,
      poolId: 'pool-team-east',
      matchingCustomerId: 'cus-existing',
    });
  });

  it('creates nothing twice: the same file again leaves the log as it was', async () => {
    const first = await t.upload(exhibitionFile);
    const head = await t.logHead();

    const again = await t.upload(exhibitionFile);

    expect(again.body).toMatchObject({ total: 5, imported: 0, unchanged: 3, rejected: 2 });
    expect(await t.logHead()).toBe(head);
    expect(first.body.imported).toBe(3);
  });

  it('checks everything in a dry run and writes nothing; a row repeated in the file counts once', async () => {
    const file = [
      'name,phone,campaign',
      '李雷,13900000001,cmp-1',
      '李雷,139 0000 0001,cmp-1',
      '李雷,13900000001,cmp-2',
    ].join('\n');
    const head = await t.logHead();

    const dry = await t.upload(file, { query: '?dryRun=true' });

    expect(dry.body).toMatchObject({ dryRun: true, total: 3, imported: 2, unchanged: 1 });
    expect(await t.logHead()).toBe(head);
    const real = await t.upload(file);
    expect(real.body).toMatchObject({ dryRun: false, total: 3, imported: 2, unchanged: 1 });
  });

  it('gives a lead to the owner a manager names; a marketer may only fill the pools', async () => {
    const file = ['externalId,name,email,ownerId', 'X-1,Li Lei,li@example.cn,u-li-lei'].join('\n');

    const byMarketer = await t.upload(file, { as: 'marketer' });
    expect(byMarketer.body.rows).toEqual([
      expect.objectContaining({
        status: 'rejected',
        errors: [expect.objectContaining({ field: 'ownerId', code: 'ROLE_NOT_ALLOWED' })],
      }),
    ]);
    const byManager = await t.upload(file, { as: 'sales_manager' });
    expect(byManager.body).toMatchObject({ imported: 1 });

    const intoPool = await t.upload('name,email\nHan Meimei,han@example.cn', { as: 'marketer' });
    expect(intoPool.body).toMatchObject({ imported: 1, rejected: 0 });
  });

  it('hands the leads it puts in the pool to the reps by a rule, on a re-import too', async () => {
    const file = ['name,phone', '甲,13900000011', '乙,13900000012'].join('\n');
    await t.upload(file);

    const { body } = await t.upload(file, { query: '?assign=round_robin' });

    expect(body).toMatchObject({ unchanged: 2, assigned: 2 });
    const third = await t.upload('name,phone\n丙,13900000013', { query: '?assign=round_robin' });
    expect(third.body).toMatchObject({ imported: 1, assigned: 1 });
  });

  it('refuses a file it cannot read, and says why', async () => {
    const empty = await t.upload('');
    expect([empty.status, empty.body.code]).toEqual([400, 'CSV_HEADER_REQUIRED']);

    const header = await t.upload('姓名,手机,生日\n李雷,13900000001,1990-01-01');
    expect([header.status, header.body.code]).toEqual([400, 'INVALID_CSV_HEADER']);
    expect(header.body.errors).toEqual([{ column: '生日', code: 'UNKNOWN_COLUMN' }]);

    const noContact = await t.upload('姓名,公司\n李雷,某公司');
    expect(noContact.body.errors).toEqual([{ column: 'phones', code: 'MISSING_COLUMN' }]);

    const json = await t.upload('{"name":"x"}', { contentType: 'application/json' });
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('keeps the rows before a syntax error and reports where the file broke', async () => {
    const file = [
      'name,phone,notes',
      '甲,13900000021,ok',
      '乙,13900000022,"never closed',
      '丙,13900000023,x',
    ].join('\n');
    const { status, body } = await t.upload(file);
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: 1, stoppedEarly: { code: 'MALFORMED_CSV', line: 3 } });
  });

  it('rejects a row naming a pool that does not exist', async () => {
    const { body } = await t.upload('name,phone,poolId\n甲,13900000031,pool-nowhere');
    expect(body.rows[0]?.errors).toEqual([
      expect.objectContaining({ field: 'poolId', code: 'UNKNOWN_POOL' }),
    ]);
  });

  it.each([
    ['sales_rep', 403],
    ['analyst', 403],
    ['admin', 200],
    ['marketer', 200],
  ] as const)('answers a %s %i', async (role, expected) => {
    const { status } = await t.upload('name,phone\n甲,13900000041', { as: role });
    expect(status).toBe(expected);
  });

  it('answers 401 without a token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/leads/import',
      headers: { 'content-type': 'text/csv' },
      payload: 'name,phone\n甲,13900000051',
    });
    expect(response.statusCode).toBe(401);
  });
});
