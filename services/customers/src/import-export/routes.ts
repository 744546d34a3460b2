// POST /customers/import (a CSV file in, a per-row report out) and GET /customers/export.csv
// (the list, filtered as GET /customers filters it, as a file Excel opens as it is).
import { registerCsvImportRoute } from '@crm/csv-import';
import type { DocumentStore } from '@crm/read-store';
import { requireRoles, type ServiceApp } from '@crm/service-kit';
import type { Contact } from '../contacts/contact-claims.ts';
import { contextOf } from '../customer/api.ts';
import { searchQuery } from '../customer/api-schemas.ts';
import type { CustomersApplication } from '../customer/application.ts';
import { searchFilter } from '../customer/queries.ts';
import { LIST } from '../projections/customer-directory.ts';
import type { CustomerListItem } from '../projections/customer-view.ts';
import { rowApplier } from './apply-row.ts';
import { exportCsv } from './export-csv.ts';
import { importCsv } from './import-csv.ts';

export const MAX_IMPORT_ROWS = 100_000;
const IN_FLIGHT = 8;
const MAX_RECORD_BYTES = 64 * 1024;
const tags = ['customers'];

const exportQuery = searchQuery.omit({
  sort: true,
  limit: true,
  cursor: true,
  waitForPosition: true,
});

const IMPORT_DESCRIPTION =
  'Send the file as the body (Content-Type: text/csv), UTF-8 with or without a BOM, a header row ' +
  'first. Columns: externalId or id, kind, name, phones, emails (several separated by ;), ' +
  'province, city, district, street, industry, tags, lifecycleStage, valueTier, size, source, ' +
  'ownerId, gender, birthday, website, creditCode (Chinese headers such as 名称, 手机 work too). ' +
  'Rows already imported come back unchanged; the answer lists every rejected row and why.';

/** Today in China, for the file name. */
const today = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export function registerImportExportRoutes(
  app: ServiceApp,
  deps: { application: CustomersApplication; documentStore: DocumentStore },
): void {
  const { application, documentStore } = deps;
  const list = documentStore.collection<CustomerListItem>(LIST);
  // Only active and archived customers hold their contacts (merges move them, erasure frees them).
  const holderOf = async (contact: Contact): Promise<string | null> => {
    const field = contact.kind === 'phone' ? 'phones' : 'emails';
    const page = await list.find(
      { [field]: contact.value, status: { $in: ['active', 'archived'] } },
      { limit: 1 },
    );
    return page.items[0]?._id ?? null;
  };

  registerCsvImportRoute(app, {
    url: '/customers/import',
    preHandler: requireRoles('sales_manager', 'marketer'),
    tags,
    summary: 'Import customers from a CSV file (idempotent; per-row report)',
    description: IMPORT_DESCRIPTION,
    handle: (request, { body, dryRun }) =>
      importCsv(body, {
        dryRun,
        apply: rowApplier({ application, context: contextOf(request), dryRun, holderOf }),
        maxRows: MAX_IMPORT_ROWS,
        concurrency: IN_FLIGHT,
        maxRecordBytes: MAX_RECORD_BYTES,
        onFailure: (error, row) => request.log.error({ err: error, row }, 'import row failed'),
      }),
  });

  app.get(
    '/customers/export.csv',
    {
      preHandler: requireRoles('sales_manager', 'analyst', 'marketer'),
      schema: {
        tags,
        summary: 'Export the customers matching a search as CSV (for Excel)',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const csv = await exportCsv(list, searchFilter(request.query));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="customers-${today()}.csv"`)
        .send(csv);
    },
  );
}
