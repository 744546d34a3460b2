// The boundary between the domain and the wire: each internal event becomes the public event that
// ERP/OA systems and the other services read on crm.customers.v1. Spelled out field by field, so
// that changing a domain event never silently changes the contract.
import type { CustomerPublicEvent } from '@crm/contracts';
import type { CustomerEvent } from './customer.ts';

export function toPublicEvent(event: CustomerEvent): CustomerPublicEvent {
  switch (event.type) {
    case 'CustomerRegistered': {
      const { customerId, kind, profile, phones, emails, tags, classification } = event.data;
      const { source, ownerId, leadId } = event.data;
      return {
        type: 'crm.customer.registered.v1',
        data: {
          customerId,
          kind,
          profile,
          phones,
          emails,
          tags,
          classification,
          ...(source !== undefined && { source }),
          ownerId,
          ...(leadId !== undefined && { leadId }),
        },
      };
    }
    case 'RegistrationRejected': {
      const { customerId, leadId, reason, existingCustomerId, detail, rejectedAt } = event.data;
      return {
        type: 'crm.customer.registration_rejected.v1',
        data: {
          customerId,
          leadId,
          reason,
          ...(existingCustomerId !== undefined && { existingCustomerId }),
          ...(detail !== undefined && { detail }),
          rejectedAt,
        },
      };
    }
    case 'ProfileUpdated':
      return {
        type: 'crm.customer.profile_updated.v1',
        data: { customerId: event.data.customerId, changes: event.data.changes },
      };
    case 'ContactsChanged': {
      const { customerId, phones, emails } = event.data;
      return { type: 'crm.customer.contacts_changed.v1', data: { customerId, phones, emails } };
    }
    case 'CustomerTagged':
      return {
        type: 'crm.customer.tagged.v1',
        data: { customerId: event.data.customerId, tags: event.data.tags },
      };
    case 'CustomerUntagged':
      return {
        type: 'crm.customer.untagged.v1',
        data: { customerId: event.data.customerId, tags: event.data.tags },
      };
    case 'CustomerClassified':
      return {
        type: 'crm.customer.classified.v1',
        data: { customerId: event.data.customerId, changes: event.data.changes },
      };
    case 'OwnerAssigned': {
      const { customerId, ownerId, previousOwnerId } = event.data;
      return {
        type: 'crm.customer.owner_assigned.v1',
        data: { customerId, ownerId, previousOwnerId },
      };
    }
    case 'InteractionLogged': {
      const { customerId, interactionId, kind, channel, occurredAt, summary } = event.data;
      const { outcome, nextStep, nextFollowUpAt, durationMinutes, loggedBy } = event.data;
      return {
        type: 'crm.customer.interaction_logged.v1',
        data: {
          customerId,
          interactionId,
          kind,
          channel,
          occurredAt,
          summary,
          ...(outcome !== undefined && { outcome }),
          ...(nextStep !== undefined && { nextStep }),
          ...(nextFollowUpAt !== undefined && { nextFollowUpAt }),
          ...(durationMinutes !== undefined && { durationMinutes }),
          loggedBy,
        },
      };
    }
    case 'MergedInto':
      return {
        type: 'crm.customer.merged.v1',
        data: { customerId: event.data.customerId, mergedInto: event.data.mergedInto },
      };
    case 'DuplicateAbsorbed': {
      const { customerId, duplicateId, phonesAdded, emailsAdded, tagsAdded } = event.data;
      const { interactionCount } = event.data;
      return {
        type: 'crm.customer.duplicate_absorbed.v1',
        data: { customerId, duplicateId, phonesAdded, emailsAdded, tagsAdded, interactionCount },
      };
    }
    case 'CustomerArchived':
      return {
        type: 'crm.customer.archived.v1',
        data: { customerId: event.data.customerId, reason: event.data.reason },
      };
    case 'CustomerRestored':
      return { type: 'crm.customer.restored.v1', data: { customerId: event.data.customerId } };
    case 'PersonalDataErased':
      return {
        type: 'crm.customer.personal_data_erased.v1',
        data: { customerId: event.data.customerId, reason: event.data.reason },
      };
  }
}
