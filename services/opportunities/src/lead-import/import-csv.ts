// A lead CSV file through the import engine: rows sharing a lead id are applied one after the
// other; the report lists rejected rows and rows whose phone or e-mail a customer holds.
import type { Readable } from 'node:stream';
import { importCsv, type CsvImportRun } from '@crm/csv-import';
import type { ReadyRow, RowOutcome } from './apply-row.ts';
import { readHeader } from './columns.ts';
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

export type ImportCsvOptions = CsvImportRun<ReadyRow, RowOutcome>;

export async function importLeadsCsv(
  input: Readable,
  options: ImportCsvOptions,
): Promise<LeadImportReport> {
  let flagged = 0;
  let assigned = 0;
  const { rows, stoppedEarly, ...counts } = await importCsv(input, {
    ...options,
    readHeader,
    prepareRow,
    keysOf: ({ leadId }: ReadyRow) => [leadId],
    listRow: (settled): ReportedRow | undefined => {
      const { row, line, externalId } = settled;
      const base = { row, line, ...(externalId !== undefined && { externalId }) };
      if (settled.status === 'rejected') {
        return {
          ...base,
          status: 'rejected',
          ...('leadId' in settled && { leadId: settled.leadId }),
          errors: settled.errors,
        };
      }
      const { status, leadId, matchingCustomerId, assignedTo } = settled;
      if (assignedTo !== undefined) assigned += 1;
      if (matchingCustomerId === undefined) return undefined;
      flagged += 1;
      return {
        ...base,
        status,
        leadId,
        matchingCustomerId,
        ...(assignedTo !== undefined && { assignedTo }),
      };
    },
  });
  return { ...counts, flagged, assigned, rows, ...(stoppedEarly && { stoppedEarly }) };
}
