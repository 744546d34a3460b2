// POST /leads/import: a CSV file in (exhibition lists, campaign sign-ups, purchased lists), a
// per-row report out. Each row is captured as POST /leads would capture it; importing the same
// file again creates nothing twice.
import { registerCsvImportRoute } from '@crm/csv-import';
import { requireRoles, type ServiceApp } from '@crm/service-kit';
import { z } from 'zod';
import { contextOf } from '../lead/api-support.ts';
import type { LeadsApplication } from '../lead/application.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { rowApplier } from './apply-row.ts';
import { importLeadsCsv } from './import-csv.ts';

export const MAX_IMPORT_ROWS = 100_000;
const IN_FLIGHT = 4;
const MAX_RECORD_BYTES = 64 * 1024;
const tags = ['leads'];

const importQuery = z.object({
  assign: z
    .enum(['round_robin', 'region', 'industry'])
    .optional()
    .describe('Hand each lead left in its pool to a rep by this rule (also on a re-import).'),
});

const rowError = z.object({
  field: z.string().describe("The column at fault ('' when the row as a whole is)."),
  code: z.string(),
  message: z.string(),
});
const importReport = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  imported: z.number().int().describe('In a dry run: how many would be imported.'),
  unchanged: z.number().int().describe('Already imported (or repeated in the file).'),
  rejected: z.number().int(),
  flagged: z.number().int().describe('Rows whose phone or e-mail an existing customer holds.'),
  assigned: z.number().int().describe('Leads the assignment rule handed to a rep.'),
  rows: z
    .array(
      z.object({
        row: z.number().int().describe('1-based data row (the header is not a row).'),
        line: z.number().int().describe('The file line the row starts on.'),
        status: z.enum(['imported', 'unchanged', 'rejected']),
        leadId: z.string().optional(),
        externalId: z.string().optional(),
        errors: z.array(rowError).optional(),
        matchingCustomerId: z.string().optional(),
        assignedTo: z.string().optional(),
      }),
    )
    .describe('Rejected and flagged rows, in file order.'),
  stoppedEarly: z
    .object({ code: z.string(), message: z.string(), line: z.number().int().optional() })
    .optional()
    .describe('Why the rows after some point were not processed.'),
});

const IMPORT_DESCRIPTION =
  'Send the file as the body (Content-Type: text/csv), UTF-8 with or without a BOM, a header row ' +
  'first. Columns: name (姓名), company (公司), phones (手机, 电话; several separated by ;), ' +
  'emails (邮箱), source (来源), campaignId (活动), notes (备注), province (省), city (市), ' +
  'industry (行业), ownerId (负责人), poolId (线索池), externalId (外部编号) or id. A row without ' +
  'an owner goes to its pool (by region, else the team). Rows already imported come back ' +
  'unchanged; the answer lists every rejected row and why, and every row whose phone or e-mail ' +
  'belongs to an existing customer.';

export function registerLeadImportRoutes(
  app: ServiceApp,
  deps: SalesDeps & { leads: LeadsApplication },
): void {
  const { leads, customers, clock } = deps;

  registerCsvImportRoute(app, {
    url: '/leads/import',
    preHandler: requireRoles('sales_manager', 'marketer'),
    tags,
    summary: 'Import leads from a CSV file (idempotent; per-row report)',
    description: IMPORT_DESCRIPTION,
    query: importQuery,
    report: importReport,
    handle: (request, { body, dryRun, query: { assign } }) => {
      const apply = rowApplier({
        leads,
        customers,
        context: contextOf(request),
        dryRun,
        clock,
        ...(assign !== undefined && { assign }),
      });
      return importLeadsCsv(body, {
        dryRun,
        apply,
        maxRows: MAX_IMPORT_ROWS,
        concurrency: IN_FLIGHT,
        maxRecordBytes: MAX_RECORD_BYTES,
        onFailure: (error, row) => request.log.error({ err: error, row }, 'import row failed'),
      });
    },
  });
}
