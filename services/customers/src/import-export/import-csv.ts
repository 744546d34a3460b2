// A customers CSV file through the import engine: rows sharing an id or a contact are applied one
// after the other (see apply-row), and the report lists every rejected row.
import type { Readable } from 'node:stream';
import { importCsv as importRows, type CsvImportReport, type CsvImportRun } from '@crm/csv-import';
import { contactsOf } from '../customer/application.ts';
import type { RowOutcome, ReadyRow } from './apply-row.ts';
import { readHeader } from './columns.ts';
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

export type ImportReport = CsvImportReport<RejectedRow>;

export type ImportCsvOptions = CsvImportRun<ReadyRow, RowOutcome>;

export const importCsv = (input: Readable, options: ImportCsvOptions): Promise<ImportReport> =>
  importRows(input, {
    ...options,
    readHeader,
    prepareRow,
    keysOf: ({ customerId, input: row }: ReadyRow) => [
      customerId,
      ...contactsOf(row.phones, row.emails).map((contact) => `${contact.kind}:${contact.value}`),
    ],
    listRow: (settled): RejectedRow | undefined =>
      settled.status !== 'rejected'
        ? undefined
        : {
            row: settled.row,
            line: settled.line,
            status: 'rejected',
            errors: settled.errors,
            ...(settled.externalId !== undefined && { externalId: settled.externalId }),
            ...('customerId' in settled && { customerId: settled.customerId }),
          },
  });
