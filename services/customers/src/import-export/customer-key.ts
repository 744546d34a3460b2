// An imported row's customer id is derived from what identifies it in the file (the source
// system's id, else its first phone, else its first e-mail), so a file imported twice finds the
// customers it made the first time instead of making them again.
import { normalizeEmail, normalizePhone, uuidV5 } from '@crm/contracts';

/** Fixed for ever: a new namespace would make every earlier import import again. */
export const IMPORT_NAMESPACE = '5f0c8a4e-2d6b-4c1e-9a37-8e1b0d6f4c25';

export interface RowIdentity {
  /** A customer id the file states itself (an export's `id` column): used as it is. */
  id?: string | undefined;
  externalId?: string | undefined;
  phones: readonly string[];
  emails: readonly string[];
}

/** The customer id for a row, or null when nothing in it identifies a customer. */
export function importedCustomerId(row: RowIdentity): string | null {
  if (row.id !== undefined) return row.id.toLowerCase();
  if (row.externalId !== undefined) return uuidV5(IMPORT_NAMESPACE, `external:${row.externalId}`);
  for (const raw of row.phones) {
    const phone = normalizePhone(raw);
    if (phone.ok) return uuidV5(IMPORT_NAMESPACE, `phone:${phone.e164}`);
  }
  for (const raw of row.emails) {
    const email = normalizeEmail(raw);
    if (email.ok) return uuidV5(IMPORT_NAMESPACE, `email:${email.email}`);
  }
  return null;
}
