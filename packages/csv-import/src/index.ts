// @crm/csv-import: the CSV import engine every service's import route shares.
export { checkRow, type CheckedRow, type RowBody, type RowError } from './check-row.ts';
export {
  readCells,
  readHeader,
  type Column,
  type ColumnSpec,
  type HeaderIssue,
  type HeaderReading,
  type RowCells,
} from './columns.ts';
export { csvRecords, MalformedCsv, type CsvReadOptions, type CsvRecord } from './csv-records.ts';
export {
  importCsv,
  type CsvImportOptions,
  type CsvImportReport,
  type CsvImportRun,
  type ImportCounts,
  type PreparedRow,
  type RowPlace,
  type SettledRow,
} from './import-csv.ts';
export { dryRunQuery, registerCsvImportRoute, type CsvImportRoute } from './import-route.ts';
