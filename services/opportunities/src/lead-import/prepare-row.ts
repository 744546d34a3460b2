// One data row, checked without I/O: the same zod schema as POST /leads (so the rules cannot
// drift), every bad field named, then the lead id and the capture input.
import { checkRow, type RowError } from '@crm/csv-import';
import type { LeadCaptureInput } from '../lead/application.ts';
import { captureBody } from '../lead/api-schemas.ts';
import { columnOf, readRow, type Column } from './columns.ts';
import { importedLeadId } from './lead-key.ts';

export type { RowError };

export type PreparedRow =
  | { ok: true; leadId: string; externalId: string | undefined; input: LeadCaptureInput }
  | { ok: false; externalId: string | undefined; errors: RowError[] };

export function prepareRow(columns: readonly Column[], cells: readonly string[]): PreparedRow {
  const checked = checkRow(readRow(columns, cells), cells, {
    columnCount: columns.length,
    schema: captureBody,
    columnOf,
  });
  if (!checked.ok) return checked;
  const { externalId } = checked;
  const { id, assign: _assign, ...lead } = checked.data;
  const leadId = importedLeadId({ ...lead, id, externalId });
  if (leadId === null) {
    // The schema wants a valid phone or e-mail already; kept so no row is ever without an id.
    const message = 'a lead needs at least one phone number or e-mail address';
    return {
      ok: false,
      externalId,
      errors: [{ field: 'phones', code: 'CONTACT_REQUIRED', message }],
    };
  }
  const input: LeadCaptureInput = {
    name: lead.name,
    phones: lead.phones,
    emails: lead.emails,
    source: lead.source,
    // An import without an owner puts the lead in its pool, whoever imports it.
    ownerId: lead.ownerId ?? null,
    ...(lead.company !== undefined && { company: lead.company }),
    ...(lead.campaignId !== undefined && { campaignId: lead.campaignId }),
    ...(lead.notes !== undefined && { notes: lead.notes }),
    ...(lead.region !== undefined && { region: lead.region }),
    ...(lead.industry !== undefined && { industry: lead.industry }),
    ...(lead.poolId !== undefined && { poolId: lead.poolId }),
  };
  return { ok: true, leadId, externalId, input };
}
