// Phone numbers and e-mail addresses are stored normalised (E.164, lower-case), so duplicates
// collapse and merges can compare them. The first of each is the primary one.
import { normalizeEmail, normalizePhone } from '@crm/contracts';
import { customerError, invalidField } from '../errors.ts';

export const maxPhones = 10;
export const maxEmails = 10;

export interface Contacts {
  phones: string[];
  emails: string[];
}

/** Normalises phones and e-mails as typed; refuses the first that cannot be read. */
export function normaliseContacts(input: {
  phones: readonly string[];
  emails: readonly string[];
}): Contacts {
  return { phones: unique(input.phones.map(phoneAt)), emails: unique(input.emails.map(emailAt)) };
}

/**
 * At least one way to reach the customer (without one it can be neither served nor recognised
 * as someone's duplicate), and no more than a person can keep track of.
 */
export function requireContactCount({ phones, emails }: Contacts): void {
  if (phones.length === 0 && emails.length === 0) {
    throw customerError('CONTACT_REQUIRED', 'a phone number or an e-mail address is required');
  }
  if (phones.length > maxPhones) throw invalidField('phones', 'too_many', { limit: maxPhones });
  if (emails.length > maxEmails) throw invalidField('emails', 'too_many', { limit: maxEmails });
}

function phoneAt(value: string, index: number): string {
  const phone = normalizePhone(value);
  if (phone.ok) return phone.e164;
  throw customerError('INVALID_PHONE', `not a phone number: ${value}`, {
    value,
    index,
    reason: phone.reason,
  });
}

function emailAt(value: string, index: number): string {
  const email = normalizeEmail(value);
  if (email.ok) return email.email;
  throw customerError('INVALID_EMAIL', `not an e-mail address: ${value}`, {
    value,
    index,
    reason: email.reason,
  });
}

const unique = (values: string[]): string[] => [...new Set(values)];
