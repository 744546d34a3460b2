import type { CustomerEvent, CustomerState } from '../customer.ts';
import { customerError } from '../errors.ts';
import { normaliseContacts } from '../rules/contacts.ts';
import { requireActive } from '../rules/status.ts';
import { normaliseTags } from '../rules/tags.ts';
import type { CustomerCommandBase } from './command.ts';

/** What the survivor takes over, read from the duplicate's state by the caller. */
export interface DuplicateSnapshot {
  phones: readonly string[];
  emails: readonly string[];
  tags: readonly string[];
  interactionCount: number;
}

/**
 * The first half of a merge, on the survivor: takes over the duplicate's phones, e-mails and tags
 * that it does not have yet. Limits on tags and contacts do not apply: a merge never loses data.
 */
export interface AbsorbDuplicate extends CustomerCommandBase {
  type: 'AbsorbDuplicate';
  duplicateId: string;
  duplicate: DuplicateSnapshot;
}

export function absorbDuplicate(command: AbsorbDuplicate, state: CustomerState): CustomerEvent[] {
  const { customerId, duplicateId, duplicate } = command;
  const survivor = requireActive(state, customerId);
  if (duplicateId === customerId) {
    throw customerError('CANNOT_MERGE_INTO_SELF', `customer ${customerId} cannot absorb itself`, {
      customerId,
    });
  }
  if (survivor.absorbedDuplicateIds.includes(duplicateId)) return [];
  const contacts = normaliseContacts({ phones: duplicate.phones, emails: duplicate.emails });
  const missing = (present: readonly string[], values: readonly string[]) =>
    values.filter((value) => !present.includes(value));
  return [
    {
      type: 'DuplicateAbsorbed',
      data: {
        customerId,
        duplicateId,
        phonesAdded: missing(survivor.phones, contacts.phones),
        emailsAdded: missing(survivor.emails, contacts.emails),
        tagsAdded: missing(survivor.tags, normaliseTags(duplicate.tags)),
        interactionCount: duplicate.interactionCount,
      },
    },
  ];
}
