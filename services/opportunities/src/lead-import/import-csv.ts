// A whole lead CSV file, streamed: the header is checked before any row is imported, then rows
// are applied a few at a time and reported in file order. Whatever stops the file early (too many
// rows, a syntax error, a server failure) is reported with the rows before it kept.
import type { Readable } from 'node:stream';
import { HttpProblem } from '@crm/service-kit';
import type { ReadyRow, RowOutcome } from './apply-row.ts';
import { readHeader } from './columns.ts';
import { csvRecords, MalformedCsv, type CsvRecord } from './csv-records.ts';
import { prepareRow, type RowError } from './prepare-row.ts';

/** A row that needs a look: rejected (with every error), or flagged as a possible duplicate. */
export interface ReportedRow {
  /** 1-based data row number (the header is not a row). */
  row: number;
  /** The file line the row starts on. */
  line: number;
  status: 'imported' | 'unchanged' | 'rejected';
  leadId?: string;
  externalId?: string;
  errors?: RowError[];
  /** An active customer already holds one of the row's phones or e-mails. */
  matchingCustomerId?: string;
  assignedTo?: string;
}

export interface LeadImportReport {
  dryRun: boolean;
  total: number;
  /** In a dry run: how many would be imported. */
  imported: number;
  unchanged: number;
  rejected: number;
  /** Rows whose phone or e-mail belongs to an existing customer (imported, flagged). */
  flagged: number;
  /** Leads the assignment rule handed to a rep. */
  assigned: number;
  /** Rejected and flagged rows, in file order. */
  rows: ReportedRow[];
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

type Where = { row: number; line: number; externalId: string | undefined };
type Settled = Where &
  (RowOutcome | { status: 'rejected'; errors: RowError[] } | { status: 'failed' });

const badFile = (code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem({ status: 400, code, detail, extra });

export async function importLeadsCsv(
  input: Readable,
  options: ImportCsvOptions,
): Promise<LeadImportReport> {
  const { dryRun, apply, maxRows, concurrency } = options;
  const report: LeadImportReport = {
    dryRun,
    ...{ total: 0, imported: 0, unchanged: 0, rejected: 0, flagged: 0, assigned: 0 },
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
    const { columns, issues } = readHeader(first.value.cells);
    if (issues.length > 0) {
      throw badFile('INVALID_CSV_HEADER', 'Fix the header row; nothing was imported.', {
        errors: issues,
      });
    }

    // In flight, oldest first; rows sharing a lead id wait for each other.
    const window: Promise<Settled>[] = [];
    const lastById = new Map<string, Promise<unknown>>();
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
      const where: Where = { row, line: record.line, externalId: prepared.externalId };
      if (!prepared.ok) {
        return Promise.resolve({ ...where, status: 'rejected' as const, errors: prepared.errors });
      }
      const { leadId } = prepared;
      const before = lastById.get(leadId) ?? Promise.resolve();
      const outcome = before
        .then(() => apply(prepared))
        .then(
          (result): Settled => ({ ...where, ...result }),
          (error: unknown): Settled => {
            options.onFailure(error, row);
            return { ...where, status: 'failed' };
          },
        );
      lastById.set(leadId, outcome);
      // Forget settled rows, or a 100,000-row file would keep every outcome to the end.
      void outcome.then(() => {
        if (lastById.get(leadId) === outcome) lastById.delete(leadId);
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

function tally(report: LeadImportReport, settled: Exclude<Settled, { status: 'failed' }>): void {
  report.total += 1;
  report[settled.status] += 1;
  const { row, line, externalId } = settled;
  const base = { row, line, ...(externalId !== undefined && { externalId }) };
  if (settled.status === 'rejected') {
    report.rows.push({
      ...base,
      status: 'rejected',
      ...('leadId' in settled && { leadId: settled.leadId }),
      errors: settled.errors,
    });
    return;
  }
  const { status, leadId, matchingCustomerId, assignedTo } = settled;
  if (assignedTo !== undefined) report.assigned += 1;
  if (matchingCustomerId === undefined) return;
  report.flagged += 1;
  report.rows.push({
    ...base,
    status,
    leadId,
    matchingCustomerId,
    ...(assignedTo !== undefined && { assignedTo }),
  });
}
