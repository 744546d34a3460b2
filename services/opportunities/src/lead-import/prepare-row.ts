// One data row, checked without I/O: the same zod schema as POST /leads (so the rules cannot
// drift), every bad field named, then the lead id and the capture input.
import type { LeadCaptureInput } from '../lead/application.ts';
import { captureBody } from '../lead/api-schemas.ts';
import { columnOf, readRow, type Column } from './columns.ts';
import { importedLeadId } from './lead-key.ts';

export interface RowError {
  /** The column at fault ('' when the row as a whole is). */
  field: string;
  code: string;
  message: string;
}

export type PreparedRow =
  | { ok: true; leadId: string; externalId: string | undefined; input: LeadCaptureInput }
  | { ok: false; externalId: string | undefined; errors: RowError[] };

export function prepareRow(columns: readonly Column[], cells: readonly string[]): PreparedRow {
  const { body, externalId, unnamed } = readRow(columns, cells);
  const errors: RowError[] = [];
  if (cells.length > columns.length) {
    errors.push({
      field: '',
      code: 'TOO_MANY_CELLS',
      message: `the row has ${cells.length} cells, the header names ${columns.length} columns`,
    });
  } else if (unnamed.length > 0) {
    errors.push({
      field: '',
      code: 'UNNAMED_COLUMN',
      message: `values in columns without a header: ${unnamed.join(', ')}`,
    });
  }
  if (cells.some((cell) => cell.includes('\uFFFD'))) {
    errors.push({
      field: '',
      code: 'NOT_UTF8',
      message: 'the row is not UTF-8 text: save the file as "CSV UTF-8"',
    });
  }
  const parsed = captureBody.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({
        field: columnOf(issue.path.map(String).join('.')),
        code: issue.code,
        message: issue.message,
      });
    }
  }
  if (!parsed.success || errors.length > 0) return { ok: false, externalId, errors };
  const { id, assign: _assign, ...lead } = parsed.data;
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
