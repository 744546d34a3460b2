import type { CustomerEvent, CustomerState } from '../customer.ts';
import { normaliseContacts, requireContactCount } from '../rules/contacts.ts';
import { requireActive } from '../rules/status.ts';
import type { CustomerCommandBase } from './command.ts';

/** Replaces the phone numbers and e-mail addresses; the first of each becomes the primary. */
export interface ChangeContacts extends CustomerCommandBase {
  type: 'ChangeContacts';
  phones: readonly string[];
  emails: readonly string[];
}

export function changeContacts(command: ChangeContacts, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const { phones, emails } = normaliseContacts(command);
  requireContactCount({ phones, emails });
  const unchanged = sameList(phones, customer.phones) && sameList(emails, customer.emails);
  if (unchanged) return [];
  return [{ type: 'ContactsChanged', data: { customerId: customer.customerId, phones, emails } }];
}

// Order matters: moving a number to the front changes which one is primary.
const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);
