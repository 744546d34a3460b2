// A whole CSV file, streamed: the header is checked before any row is imported, then rows are
// applied a few at a time and reported in file order. Whatever stops the file early (too many
// rows, a syntax error) is reported with the rows before it kept.
import type { Readable } from 'node:stream';
import { HttpProblem } from '@crm/service-kit';
import { contactsOf } from '../customer/application.ts';
import type { RowOutcome, ReadyRow } from './apply-row.ts';
import { readHeader } from './columns.ts';
import { csvRecords, MalformedCsv, type CsvRecord } from './csv-records.ts';
import { prepareRow, type RowError } from './prepare-row.ts';

export interface RejectedRow {
  /** 1-based data row number (the header is not a row). */
  row: number;
  /** The file line the row starts on. */
  line: number;
  status: 'rejected';
  errors: RowError[];
  externalId?: string;
  customerId?: string;
}

export interface ImportReport {
  dryRun: boolean;
  total: number;
  /** In a dry run: how many would be imported. */
  imported: number;
  unchanged: number;
  rejected: number;
  rows: RejectedRow[];
  stoppedEarly?: { code: string; message: string; line?: number };
}

export interface ImportCsvOptions {
  dryRun: boolean;
  apply: (row: ReadyRow) => Promise<RowOutcome>;
  maxRows: number;
  /** Rows in flight at once. */
  concurrency: number;
  maxRecordBytes: number;
  /** A row failed for a reason that is not the file's fault (the store is down, say). */
  onFailure: (error: unknown, row: number) => void;
}

type Settled = { row: number; line: number; externalId: string | undefined } & (
  RowOutcome | { status: 'rejected'; errors: RowError[] } | { status: 'failed' }
);

const badFile = (code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem({ status: 400, code, detail, extra });

export async function importCsv(input: Readable, options: ImportCsvOptions): Promise<ImportReport> {
  const { dryRun, apply, maxRows, concurrency } = options;
  const report: ImportReport = {
    dryRun,
    total: 0,
    imported: 0,
    unchanged: 0,
    rejected: 0,
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
    const { columns, issues } = readHeader(first.value.cells);
    if (first.value.cells.some((cell) => cell.includes('\uFFFD'))) {
      throw badFile('NOT_UTF8', 'The file is not UTF-8 text: save it as "CSV UTF-8".');
    }
    if (issues.length > 0) {
      throw badFile('INVALID_CSV_HEADER', 'Fix the header row; nothing was imported.', {
        errors: issues,
      });
    }

    // In flight, oldest first; rows sharing an id or a contact wait for each other (see apply-row).
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
      tally(report, settled);
    };
    const start = (record: CsvRecord, row: number): Promise<Settled> => {
      const prepared = prepareRow(columns, record.cells);
      const where = { row, line: record.line, externalId: prepared.externalId };
      if (!prepared.ok) {
        return Promise.resolve({ ...where, status: 'rejected' as const, errors: prepared.errors });
      }
      const { customerId, input } = prepared;
      const contacts = contactsOf(input.phones, input.emails);
      const keys = [customerId, ...contacts.map((contact) => `${contact.kind}:${contact.value}`)];
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

function tally(report: ImportReport, settled: Settled): void {
  report.total += 1;
  if (settled.status === 'imported') report.imported += 1;
  else if (settled.status === 'unchanged') report.unchanged += 1;
  else if (settled.status === 'rejected') {
    report.rejected += 1;
    report.rows.push({
      row: settled.row,
      line: settled.line,
      status: 'rejected',
      errors: settled.errors,
      ...(settled.externalId !== undefined && { externalId: settled.externalId }),
      ...('customerId' in settled && { customerId: settled.customerId }),
    });
  }
}
