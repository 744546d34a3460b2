import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpProblem } from '@crm/service-kit';
import { describe, expect, it } from 'vitest';
import type { ReadyRow, RowOutcome } from './apply-row.ts';
import { importCsv, type ImportCsvOptions } from './import-csv.ts';

const fileOf = (...rows: string[]) => Readable.from([['kind,name,phones', ...rows].join('\n')]);
const person = (n: number) => `person,客户${n},139${String(n).padStart(8, '0')}`;

const run = (input: Readable, overrides: Partial<ImportCsvOptions> = {}) =>
  importCsv(input, {
    dryRun: false,
    apply: (row) => Promise.resolve({ status: 'imported', customerId: row.customerId }),
    maxRows: 100,
    concurrency: 4,
    maxRecordBytes: 1024,
    onFailure: () => undefined,
    ...overrides,
  });

describe('importCsv', () => {
  it('applies a few rows at a time and reports them in file order', async () => {
    let inFlight = 0;
    let most = 0;
    const apply = async (row: ReadyRow): Promise<RowOutcome> => {
      most = Math.max(most, ++inFlight);
      // Later rows finish first.
      await sleep(20 - Number(row.input.profile.name.slice(2)));
      inFlight--;
      const bad = row.input.profile.name.endsWith('3') || row.input.profile.name.endsWith('7');
      return bad
        ? { status: 'rejected', customerId: row.customerId, errors: [] }
        : { status: 'imported', customerId: row.customerId };
    };

    const report = await run(fileOf(...[1, 2, 3, 4, 5, 6, 7, 8].map(person)), { apply });

    expect(most).toBe(4);
    expect(report).toMatchObject({ total: 8, imported: 6, rejected: 2 });
    expect(report.rows.map((row) => [row.row, row.line])).toEqual([
      [3, 4],
      [7, 8],
    ]);
  });

  it('applies rows that share a contact one after the other', async () => {
    const order: string[] = [];
    const apply = async (row: ReadyRow): Promise<RowOutcome> => {
      order.push(`start ${row.input.profile.name}`);
      await sleep(row.input.profile.name === '甲' ? 20 : 1);
      order.push(`end ${row.input.profile.name}`);
      return { status: 'imported', customerId: row.customerId };
    };

    await run(fileOf('person,甲,13900000001', 'person,乙,+86 139 0000 0001'), { apply });

    expect(order).toEqual(['start 甲', 'end 甲', 'start 乙', 'end 乙']);
  });

  it('stops after the row limit and keeps the rows before it', async () => {
    const report = await run(fileOf(person(1), person(2), person(3)), { maxRows: 2 });
    expect(report).toMatchObject({
      total: 2,
      imported: 2,
      stoppedEarly: { code: 'TOO_MANY_ROWS', line: 4 },
    });
  });

  it('stops at a failure that is not the file’s and says so', async () => {
    const failures: number[] = [];
    const report = await run(fileOf(person(1), person(2), person(3)), {
      concurrency: 1,
      apply: (row) =>
        row.input.profile.name === '客户2'
          ? Promise.reject(new Error('store down'))
          : Promise.resolve({ status: 'imported', customerId: row.customerId }),
      onFailure: (_error, row) => failures.push(row),
    });
    expect(failures).toEqual([2]);
    expect(report).toMatchObject({ total: 1, stoppedEarly: { code: 'IMPORT_FAILED', line: 3 } });
  });

  it('refuses an empty file and a header that is not UTF-8 with a 400', async () => {
    const problemOf = (input: Readable) =>
      run(input).then(
        () => undefined,
        (error: unknown) => (error instanceof HttpProblem ? [error.status, error.code] : error),
      );
    expect(await problemOf(Readable.from(['\n\n']))).toEqual([400, 'CSV_HEADER_REQUIRED']);
    const gbk = Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x0a]); // 名称 in GBK
    expect(await problemOf(Readable.from([gbk]))).toEqual([400, 'NOT_UTF8']);
  });
});
