// A whole CSV file, streamed: the header is checked before any row is imported, then rows are
// applied a few at a time and reported in file order. Whatever stops the file early (too many
// rows, a syntax error, a server failure) is reported with the rows before it kept.
import type { Readable } from 'node:stream';
import { HttpProblem } from '@crm/service-kit';
import { csvRecords, MalformedCsv, type CsvRecord } from './csv-records.ts';

/** Where a row stands in the file. */
export interface RowPlace {
  /** 1-based data row number (the header is not a row). */
  row: number;
  /** The file line the row starts on. */
  line: number;
  externalId: string | undefined;
}

/** What a row came to: the service's outcome, or rejected before it was applied. */
export type SettledRow<Outcome, Rejection> = RowPlace &
  (Outcome | { status: 'rejected'; errors: Rejection[] });

export type PreparedRow<Ready, Rejection> =
  | (Ready & { ok: true; externalId: string | undefined })
  | { ok: false; externalId: string | undefined; errors: Rejection[] };

export interface ImportCounts {
  dryRun: boolean;
  total: number;
  /** In a dry run: how many would be imported. */
  imported: number;
  unchanged: number;
  rejected: number;
}

export interface CsvImportReport<Listed> extends ImportCounts {
  /** The rows that need a look, in file order. */
  rows: Listed[];
  stoppedEarly?: { code: string; message: string; line?: number };
}

export interface CsvImportOptions<Columns, Ready, Outcome, Rejection, Listed> {
  dryRun: boolean;
  maxRows: number;
  /** Rows in flight at once. */
  concurrency: number;
  maxRecordBytes: number;
  readHeader: (cells: string[]) => { columns: Columns; issues: readonly unknown[] };
  prepareRow: (columns: Columns, cells: string[]) => PreparedRow<Ready, Rejection>;
  /** Rows sharing a key are applied one after the other, so the later finds what the earlier did. */
  keysOf: (row: Ready) => readonly string[];
  apply: (row: Ready) => Promise<Outcome>;
  /** The report's entry for a row, if it is listed (rejected ones, say). */
  listRow: (settled: SettledRow<Outcome, Rejection>) => Listed | undefined;
  /** A row failed for a reason that is not the file's fault (the store is down, say). */
  onFailure: (error: unknown, row: number) => void;
}

/** What a route decides per file: how rows are applied, the limits, whom failures are told. */
export type CsvImportRun<Ready, Outcome> = Pick<
  CsvImportOptions<unknown, Ready, Outcome, unknown, unknown>,
  'dryRun' | 'apply' | 'maxRows' | 'concurrency' | 'maxRecordBytes' | 'onFailure'
>;

const badFile = (code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem({ status: 400, code, detail, extra });

export async function importCsv<
  Columns,
  Ready,
  Outcome extends { status: 'imported' | 'unchanged' | 'rejected' },
  Rejection,
  Listed,
>(
  input: Readable,
  options: CsvImportOptions<Columns, Ready, Outcome, Rejection, Listed>,
): Promise<CsvImportReport<Listed>> {
  const { dryRun, apply, maxRows, concurrency } = options;
  type Settled = SettledRow<Outcome, Rejection> | (RowPlace & { status: 'failed' });
  const report: CsvImportReport<Listed> = {
    dryRun,
    ...{ total: 0, imported: 0, unchanged: 0, rejected: 0 },
    rows: [],
  };
  const records = csvRecords(input, { maxRecordBytes: options.maxRecordBytes });
  try {
    const first = await records.next().catch((error: unknown) => {
      if (!(error instanceof MalformedCsv)) throw error;
      throw badFile('MALFORMED_CSV', `The header row cannot be read: ${error.message}`, {
        line: error.line,
      });
    });
    if (first.done === true) throw badFile('CSV_HEADER_REQUIRED', 'The file is empty.');
    if (first.value.cells.some((cell) => cell.includes('\uFFFD'))) {
      throw badFile('NOT_UTF8', 'The file is not UTF-8 text: save it as "CSV UTF-8".');
    }
    const { columns, issues } = options.readHeader(first.value.cells);
    if (issues.length > 0) {
      throw badFile('INVALID_CSV_HEADER', 'Fix the header row; nothing was imported.', {
        errors: issues,
      });
    }

    // In flight, oldest first; rows sharing a key wait for each other.
    const window: Promise<Settled>[] = [];
    const lastByKey = new Map<string, Promise<unknown>>();
    const settleOldest = async () => {
      const settled = await window.shift()!;
      if (settled.status === 'failed') {
        report.stoppedEarly ??= {
          code: 'IMPORT_FAILED',
          message: `Row ${settled.row} could not be processed (a server error, not the file's). Import the file again: the rows already imported come back unchanged.`,
          line: settled.line,
        };
        return;
      }
      report.total += 1;
      report[settled.status] += 1;
      const listed = options.listRow(settled);
      if (listed !== undefined) report.rows.push(listed);
    };
    const start = (record: CsvRecord, row: number): Promise<Settled> => {
      const prepared = options.prepareRow(columns, record.cells);
      const where: RowPlace = { row, line: record.line, externalId: prepared.externalId };
      if (!prepared.ok) {
        return Promise.resolve({ ...where, status: 'rejected' as const, errors: prepared.errors });
      }
      const keys = options.keysOf(prepared);
      const before = keys.flatMap((key) => lastByKey.get(key) ?? []);
      const outcome = Promise.all(before)
        .then(() => apply(prepared))
        .then(
          (result): Settled => ({ ...where, ...result }),
          (error: unknown): Settled => {
            options.onFailure(error, row);
            return { ...where, status: 'failed' };
          },
        );
      for (const key of keys) lastByKey.set(key, outcome);
      // Forget settled rows, or a 100,000-row file would keep every outcome to the end.
      void outcome.then(() => {
        for (const key of keys) if (lastByKey.get(key) === outcome) lastByKey.delete(key);
      });
      return outcome;
    };

    let row = 0;
    try {
      for await (const record of records) {
        if (report.stoppedEarly) break;
        if (++row > maxRows) {
          report.stoppedEarly = {
            code: 'TOO_MANY_ROWS',
            message: `A file may have at most ${maxRows} rows; the rows after row ${maxRows} were not read.`,
            line: record.line,
          };
          break;
        }
        window.push(start(record, row));
        if (window.length >= concurrency) await settleOldest();
      }
    } catch (error) {
      if (!(error instanceof MalformedCsv)) throw error;
      report.stoppedEarly ??= {
        code: 'MALFORMED_CSV',
        message: `The file cannot be read from line ${error.line} on (${error.reason}); the rows before it were processed.`,
        line: error.line,
      };
    } finally {
      while (window.length > 0) await settleOldest();
    }
    return report;
  } finally {
    await records.return();
  }
}
