// A lead's phones and e-mails follow the customers' rules (E.164, lower-case, duplicates collapsed,
// primary first, at least one, at most ten of each), so a converted lead registers cleanly and a
// lead can be matched against customers by the same values.
import { normalizeEmail, normalizePhone } from '@crm/contracts';
import { invalidField, leadError } from '../errors.ts';

export const maxPhones = 10;
export const maxEmails = 10;

export interface Contacts {
  phones: string[];
  emails: string[];
}

/** Normalised contacts, or the refusal of the first that cannot be read or of the whole set. */
export function normaliseContacts(input: {
  phones: readonly string[];
  emails: readonly string[];
}): Contacts {
  const phones = unique(input.phones.map(phoneAt));
  const emails = unique(input.emails.map(emailAt));
  if (phones.length === 0 && emails.length === 0) {
    throw leadError('CONTACT_REQUIRED', 'a phone number or an e-mail address is required');
  }
  if (phones.length > maxPhones) throw invalidField('phones', 'too_many', { limit: maxPhones });
  if (emails.length > maxEmails) throw invalidField('emails', 'too_many', { limit: maxEmails });
  return { phones, emails };
}

function phoneAt(value: string, index: number): string {
  const phone = normalizePhone(value);
  if (phone.ok) return phone.e164;
  throw leadError('INVALID_PHONE', `not a phone number: ${value}`, {
    value,
    index,
    reason: phone.reason,
  });
}

function emailAt(value: string, index: number): string {
  const email = normalizeEmail(value);
  if (email.ok) return email.email;
  throw leadError('INVALID_EMAIL', `not an e-mail address: ${value}`, {
    value,
    index,
    reason: email.reason,
  });
}

const unique = (values: string[]): string[] => [...new Set(values)];
