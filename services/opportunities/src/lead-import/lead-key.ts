// An imported row's lead id is derived from what identifies it in the file, so a file imported
// twice finds the leads it made the first time instead of making them again: the id the file
// states, else the source system's id, else the first phone (or e-mail) within its campaign: one
// person answering two campaigns is two leads, the same person twice in one campaign is one.
import { normalizeEmail, normalizePhone, uuidV5 } from '@crm/contracts';

/** Fixed for ever: a new namespace would make every earlier import import again. */
export const LEAD_IMPORT_NAMESPACE = '9d3b7e21-6a4f-4c0d-8e52-1f7a9b3c5d60';

export interface RowIdentity {
  id?: string | undefined;
  externalId?: string | undefined;
  campaignId?: string | undefined;
  phones: readonly string[];
  emails: readonly string[];
}

/** The lead id for a row, or null when nothing in it identifies a lead. */
export function importedLeadId(row: RowIdentity): string | null {
  if (row.id !== undefined) return row.id;
  if (row.externalId !== undefined)
    return uuidV5(LEAD_IMPORT_NAMESPACE, `external:${row.externalId}`);
  const campaign = `campaign:${row.campaignId ?? ''}`;
  for (const raw of row.phones) {
    const phone = normalizePhone(raw);
    if (phone.ok) return uuidV5(LEAD_IMPORT_NAMESPACE, `${campaign}|phone:${phone.e164}`);
  }
  for (const raw of row.emails) {
    const email = normalizeEmail(raw);
    if (email.ok) return uuidV5(LEAD_IMPORT_NAMESPACE, `${campaign}|email:${email.email}`);
  }
  return null;
}
