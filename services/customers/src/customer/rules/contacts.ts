// Phones and e-mails follow the contracts' contact rules (E.164, lower-case, duplicates collapsed,
// primary first, at least one, at most ten of each); here a refusal becomes the customer's error.
import {
  contactCountRefusal,
  normalizeContacts,
  type ContactRefusal,
  type Contacts,
} from '@crm/contracts';
import { customerError, invalidField } from '../errors.ts';

export { maxEmails, maxPhones, type Contacts } from '@crm/contracts';

/** Normalises phones and e-mails as typed; refuses the first that cannot be read. */
export function normaliseContacts(input: {
  phones: readonly string[];
  emails: readonly string[];
}): Contacts {
  const normalized = normalizeContacts(input);
  if (!normalized.ok) throw refused(normalized.refusal);
  return normalized.contacts;
}

/** At least one way to reach the customer, and no more than a person can keep track of. */
export function requireContactCount(contacts: Contacts): void {
  const refusal = contactCountRefusal(contacts);
  if (refusal) throw refused(refusal);
}

const refused = (refusal: ContactRefusal) => {
  if (refusal.code === 'TOO_MANY') {
    return invalidField(refusal.field, 'too_many', { limit: refusal.limit });
  }
  if (refusal.code === 'CONTACT_REQUIRED') return customerError(refusal.code, refusal.message);
  const { code, message, value, index, reason } = refusal;
  return customerError(code, message, { value, index, reason });
};
