// A lead's phones and e-mails follow the contracts' contact rules, the customers' too (E.164,
// lower-case, duplicates collapsed, primary first, at least one, at most ten of each), so a
// converted lead registers cleanly and a lead can be matched against customers by the same values.
import {
  contactCountRefusal,
  normalizeContacts,
  type ContactRefusal,
  type Contacts,
} from '@crm/contracts';
import { invalidField, leadError } from '../errors.ts';

export { maxEmails, maxPhones, type Contacts } from '@crm/contracts';

/** Normalised contacts, or the refusal of the first that cannot be read or of the whole set. */
export function normaliseContacts(input: {
  phones: readonly string[];
  emails: readonly string[];
}): Contacts {
  const normalized = normalizeContacts(input);
  if (!normalized.ok) throw refused(normalized.refusal);
  const refusal = contactCountRefusal(normalized.contacts);
  if (refusal) throw refused(refusal);
  return normalized.contacts;
}

const refused = (refusal: ContactRefusal) => {
  if (refusal.code === 'TOO_MANY') {
    return invalidField(refusal.field, 'too_many', { limit: refusal.limit });
  }
  if (refusal.code === 'CONTACT_REQUIRED') return leadError(refusal.code, refusal.message);
  const { code, message, value, index, reason } = refusal;
  return leadError(code, message, { value, index, reason });
};
