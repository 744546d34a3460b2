// How one customer event changes the local lookup's summary of that customer: a pure fold.
// The revision guard (a duplicate or older event changes nothing) is the store's, in
// customer-lookup.ts; here only what each event means for name, owner, status and contacts.
import type { CustomerSummary } from '../sales-deps.ts';
import type { CustomerFeedEvent } from './customer-event.ts';

const union = (current: readonly string[], added: readonly string[]): string[] => [
  ...new Set([...current, ...added]),
];

/**
 * The summary after `event`, or null when it has nothing to write: an event that touches no
 * field kept here, or a change to a customer whose registration was never seen.
 */
export function nextSummary(
  current: CustomerSummary | null,
  event: CustomerFeedEvent,
): CustomerSummary | null {
  const { revision } = event;
  switch (event.type) {
    case 'crm.customer.registered.v1': {
      const { customerId, kind, profile, ownerId, phones, emails } = event.data;
      const { name } = profile;
      return { customerId, name, kind, ownerId, status: 'active', phones, emails, revision };
    }
    case 'crm.customer.registration_rejected.v1':
      // No customer exists under the id; kept so a lead can see why its customer never came.
      if (current !== null) return null;
      return {
        customerId: event.data.customerId,
        name: '',
        kind: 'person',
        ownerId: null,
        status: 'rejected',
        phones: [],
        emails: [],
        revision,
      };
    default:
      return current === null ? null : changed(current, event);
  }
}

function changed(current: CustomerSummary, event: CustomerFeedEvent): CustomerSummary | null {
  const { revision } = event;
  switch (event.type) {
    case 'crm.customer.profile_updated.v1': {
      const { name } = event.data.changes;
      return name === undefined ? null : { ...current, name, revision };
    }
    case 'crm.customer.contacts_changed.v1': {
      const { phones, emails } = event.data;
      return { ...current, phones, emails, revision };
    }
    case 'crm.customer.owner_assigned.v1':
      return { ...current, ownerId: event.data.ownerId, revision };
    case 'crm.customer.duplicate_absorbed.v1': {
      const { phonesAdded, emailsAdded } = event.data;
      const phones = union(current.phones, phonesAdded);
      const emails = union(current.emails, emailsAdded);
      return { ...current, phones, emails, revision };
    }
    case 'crm.customer.merged.v1':
      // Its contacts moved to the survivor (duplicate_absorbed): they match there, not here.
      return {
        ...current,
        status: 'merged',
        mergedInto: event.data.mergedInto,
        phones: [],
        emails: [],
        revision,
      };
    case 'crm.customer.archived.v1':
      return { ...current, status: 'archived', revision };
    case 'crm.customer.restored.v1':
      return { ...current, status: 'active', revision };
    case 'crm.customer.personal_data_erased.v1':
      // Forget the person: no name, no contacts; the id, kind and owner are not personal data.
      return { ...current, status: 'erased', name: '', phones: [], emails: [], revision };
    case 'crm.customer.registered.v1':
    case 'crm.customer.registration_rejected.v1':
    case 'crm.customer.tagged.v1':
    case 'crm.customer.untagged.v1':
    case 'crm.customer.classified.v1':
    case 'crm.customer.interaction_logged.v1':
      return null;
  }
}
