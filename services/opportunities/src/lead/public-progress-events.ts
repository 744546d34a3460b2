// The second half of toPublicEvent (public-events.ts): how the work on a lead and its conversion
// go on the wire. Spelled out field by field, like the first half.
import type { LeadPublicEvent } from '@crm/contracts';
import type { LeadEvent } from './events.ts';

/** Follow-ups, activities, qualification and conversion: what happens to a lead once captured. */
export type LeadProgressEvent = Extract<
  LeadEvent,
  {
    type:
      | 'FollowUpScheduled'
      | 'FollowUpCompleted'
      | 'LeadActivityLogged'
      | 'LeadQualified'
      | 'LeadDisqualified'
      | 'LeadConverted'
      | 'LeadConversionCompleted'
      | 'LeadConversionBlocked'
      | 'LeadLinkedToCustomer';
  }
>;

export function toPublicProgressEvent(event: LeadProgressEvent): LeadPublicEvent {
  switch (event.type) {
    case 'FollowUpScheduled': {
      const { leadId, taskId, dueAt, remindAt, note, scheduledBy } = event.data;
      return {
        type: 'crm.lead.follow_up_scheduled.v1',
        data: {
          leadId,
          taskId,
          dueAt,
          ...(remindAt !== undefined && { remindAt }),
          ...(note !== undefined && { note }),
          scheduledBy,
        },
      };
    }
    case 'FollowUpCompleted': {
      const { leadId, taskId, outcome, completedBy, completedAt } = event.data;
      return {
        type: 'crm.lead.follow_up_completed.v1',
        data: {
          leadId,
          taskId,
          ...(outcome !== undefined && { outcome }),
          completedBy,
          completedAt,
        },
      };
    }
    case 'LeadActivityLogged': {
      const { leadId, activityId, kind, occurredAt, summary, loggedBy } = event.data;
      return {
        type: 'crm.lead.activity_logged.v1',
        data: { leadId, activityId, kind, occurredAt, summary, loggedBy },
      };
    }
    case 'LeadQualified': {
      const { leadId, note, qualifiedBy } = event.data;
      return {
        type: 'crm.lead.qualified.v1',
        data: { leadId, ...(note !== undefined && { note }), qualifiedBy },
      };
    }
    case 'LeadDisqualified': {
      const { leadId, reason, note, disqualifiedBy } = event.data;
      return {
        type: 'crm.lead.disqualified.v1',
        data: { leadId, reason, ...(note !== undefined && { note }), disqualifiedBy },
      };
    }
    case 'LeadConverted': {
      const { leadId, opportunityId, customerId, customerRegistration } = event.data;
      const { ownerId, campaignId, convertedBy } = event.data;
      return {
        type: 'crm.lead.converted.v1',
        data: {
          leadId,
          opportunityId,
          customerId,
          customerRegistration: customerRegistration && {
            customerId: customerRegistration.customerId,
            kind: customerRegistration.kind,
            profile: customerRegistration.profile,
            phones: customerRegistration.phones,
            emails: customerRegistration.emails,
            source: customerRegistration.source,
            lifecycleStage: customerRegistration.lifecycleStage,
            ownerId: customerRegistration.ownerId,
          },
          ownerId,
          ...(campaignId !== undefined && { campaignId }),
          convertedBy,
        },
      };
    }
    case 'LeadConversionCompleted': {
      const { leadId, customerId, opportunityId } = event.data;
      return {
        type: 'crm.lead.conversion_completed.v1',
        data: { leadId, customerId, opportunityId },
      };
    }
    case 'LeadConversionBlocked': {
      const { leadId, customerId, reason, existingCustomerId } = event.data;
      return {
        type: 'crm.lead.conversion_blocked.v1',
        data: {
          leadId,
          customerId,
          reason,
          ...(existingCustomerId !== undefined && { existingCustomerId }),
        },
      };
    }
    case 'LeadLinkedToCustomer': {
      const { leadId, customerId, previousCustomerId, opportunityId, linkedBy } = event.data;
      return {
        type: 'crm.lead.linked_to_customer.v1',
        data: { leadId, customerId, previousCustomerId, opportunityId, linkedBy },
      };
    }
  }
}
