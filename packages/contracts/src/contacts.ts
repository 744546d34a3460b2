// The rules every record with phones and e-mails follows (customers, leads): stored normalised
// (E.164, lower-case) so duplicates collapse and records can be matched by the same values, the
// first of each the primary one, at least one of either and at most ten of each. Each service
// turns a refusal into its own domain error.
import { normalizeEmail, type EmailRejection } from './email.ts';
import { normalizePhone, type PhoneRejection } from './phone.ts';

export const maxPhones = 10;
export const maxEmails = 10;

export interface Contacts {
  phones: string[];
  emails: string[];
}

export type ContactRefusal =
  | { code: 'INVALID_PHONE'; message: string; value: string; index: number; reason: PhoneRejection }
  | { code: 'INVALID_EMAIL'; message: string; value: string; index: number; reason: EmailRejection }
  | { code: 'CONTACT_REQUIRED'; message: string }
  | { code: 'TOO_MANY'; field: 'phones' | 'emails'; limit: number };

/** Phones and e-mails as typed, normalised, duplicates collapsed; or the first unreadable one. */
export function normalizeContacts(input: {
  phones: readonly string[];
  emails: readonly string[];
}): { ok: true; contacts: Contacts } | { ok: false; refusal: ContactRefusal } {
  const phones: string[] = [];
  for (const [index, value] of input.phones.entries()) {
    const phone = normalizePhone(value);
    if (!phone.ok) {
      const message = `not a phone number: ${value}`;
      return {
        ok: false,
        refusal: { code: 'INVALID_PHONE', message, value, index, reason: phone.reason },
      };
    }
    phones.push(phone.e164);
  }
  const emails: string[] = [];
  for (const [index, value] of input.emails.entries()) {
    const email = normalizeEmail(value);
    if (!email.ok) {
      const message = `not an e-mail address: ${value}`;
      return {
        ok: false,
        refusal: { code: 'INVALID_EMAIL', message, value, index, reason: email.reason },
      };
    }
    emails.push(email.email);
  }
  return { ok: true, contacts: { phones: unique(phones), emails: unique(emails) } };
}

/**
 * At least one way to reach the person (without one a record can be neither served nor
 * recognised as someone's duplicate), and no more than a person can keep track of.
 */
export function contactCountRefusal({ phones, emails }: Contacts): ContactRefusal | null {
  if (phones.length === 0 && emails.length === 0) {
    return {
      code: 'CONTACT_REQUIRED',
      message: 'a phone number or an e-mail address is required',
    };
  }
  if (phones.length > maxPhones) return { code: 'TOO_MANY', field: 'phones', limit: maxPhones };
  if (emails.length > maxEmails) return { code: 'TOO_MANY', field: 'emails', limit: maxEmails };
  return null;
}

const unique = (values: string[]): string[] => [...new Set(values)];
