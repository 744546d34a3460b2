import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isHttpProblem } from '@crm/service-kit';
import { importCsv, type CsvImportOptions, type SettledRow } from './import-csv.ts';

interface Ready {
  key: string;
  delayMs: number;
}
type Outcome = { status: 'imported' | 'unchanged'; key: string };
type Listed = { row: number; line: number; status: string };

const fileOf = (...lines: string[]) => Readable.from([['key,delay', ...lines].join('\n')]);

const run = (
  input: Readable,
  overrides: Partial<CsvImportOptions<string[], Ready, Outcome, string, Listed>> = {},
) =>
  importCsv(input, {
    dryRun: false,
    maxRows: 100,
    concurrency: 4,
    maxRecordBytes: 1024,
    readHeader: (cells) => ({
      columns: cells,
      issues: cells.includes('key') ? [] : [{ column: 'key', code: 'MISSING_COLUMN' }],
    }),
    prepareRow: (_columns, [key = '', delay = '0']) =>
      key === ''
        ? { ok: false, externalId: undefined, errors: ['key required'] }
        : { ok: true, externalId: key, key, delayMs: Number(delay) },
    keysOf: (row) => [row.key],
    apply: async (row) => {
      await sleep(row.delayMs);
      return { status: 'imported', key: row.key };
    },
    listRow: ({ row, line, status }: SettledRow<Outcome, string>) =>
      status === 'imported' ? undefined : { row, line, status },
    onFailure: () => undefined,
    ...overrides,
  });

describe('importCsv', () => {
  it('counts every row and lists the ones the service asks for, in file order', async () => {
    const report = await run(fileOf('a,30', ',0', 'b,0', '', 'c,10'));
    expect(report).toEqual({
      dryRun: false,
      total: 4,
      imported: 3,
      unchanged: 0,
      rejected: 1,
      rows: [{ row: 2, line: 3, status: 'rejected' }],
    });
  });

  it('applies rows sharing a key one after the other, others at once', async () => {
    const order: string[] = [];
    const apply = async (row: Ready): Promise<Outcome> => {
      await sleep(row.delayMs);
      order.push(`${row.key}${row.delayMs}`);
      return {
        status: order.filter((k) => k.startsWith(row.key)).length > 1 ? 'unchanged' : 'imported',
        key: row.key,
      };
    };
    const report = await run(fileOf('a,40', 'a,0', 'b,0'), { apply });
    expect(order).toEqual(['b0', 'a40', 'a0']);
    expect(report).toMatchObject({ imported: 2, unchanged: 1 });
  });

  it('refuses a file whose header is wrong before any row is applied', async () => {
    let applied = 0;
    const error: unknown = await run(Readable.from(['name\nx']), {
      apply: () => Promise.resolve({ status: 'imported', key: String(++applied) }),
    }).catch((caught: unknown) => caught);
    expect(isHttpProblem(error) && error.toProblem()).toMatchObject({
      status: 400,
      code: 'INVALID_CSV_HEADER',
    });
    expect(applied).toBe(0);
  });

  it('refuses an empty file', async () => {
    const error: unknown = await run(Readable.from([''])).catch((caught: unknown) => caught);
    expect(isHttpProblem(error) && error.toProblem()).toMatchObject({
      code: 'CSV_HEADER_REQUIRED',
    });
  });

  it('stops after maxRows, keeping the rows before', async () => {
    const report = await run(fileOf('a', 'b', 'c'), { maxRows: 2 });
    expect(report).toMatchObject({ total: 2, stoppedEarly: { code: 'TOO_MANY_ROWS', line: 4 } });
  });

  it('stops at a syntax error, keeping the rows before', async () => {
    const report = await run(fileOf('a', 'b', '"c'));
    expect(report).toMatchObject({ total: 2, stoppedEarly: { code: 'MALFORMED_CSV', line: 4 } });
  });

  it('stops when a row fails for the server’s sake, reporting the rows settled before it', async () => {
    const failures: number[] = [];
    const report = await run(fileOf('a', 'b', 'c'), {
      concurrency: 1,
      apply: (row) =>
        row.key === 'b'
          ? Promise.reject(new Error('store down'))
          : Promise.resolve({ status: 'imported', key: row.key }),
      onFailure: (_error, row) => failures.push(row),
    });
    expect(failures).toEqual([2]);
    expect(report).toMatchObject({ total: 1, stoppedEarly: { code: 'IMPORT_FAILED', line: 3 } });
  });
});
