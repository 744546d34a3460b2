// The boundary between the domain and the wire: each internal lead event becomes the public event
// that ERP/OA systems and the other services read on crm.opportunities.v1. Spelled out field by
// field, so that changing a domain event never silently changes the contract.
import type { LeadPublicEvent } from '@crm/contracts';
import type { LeadEvent } from './events.ts';
import { toPublicProgressEvent } from './public-progress-events.ts';

export function toPublicEvent(event: LeadEvent): LeadPublicEvent {
  switch (event.type) {
    case 'LeadCaptured': {
      const { leadId, name, company, phones, emails, source, campaignId, notes } = event.data;
      const { region, industry, poolId, ownerId, matchingCustomerId } = event.data;
      const { capturedBy, capturedAt } = event.data;
      return {
        type: 'crm.lead.captured.v1',
        data: {
          leadId,
          name,
          ...(company !== undefined && { company }),
          phones,
          emails,
          source,
          ...(campaignId !== undefined && { campaignId }),
          ...(notes !== undefined && { notes }),
          ...(region !== undefined && { region: { province: region.province, city: region.city } }),
          ...(industry !== undefined && { industry }),
          poolId,
          ownerId,
          ...(matchingCustomerId !== undefined && { matchingCustomerId }),
          capturedBy,
          capturedAt,
        },
      };
    }
    case 'LeadAssigned': {
      const { leadId, ownerId, rule, poolId, assignedBy, assignedAt } = event.data;
      return {
        type: 'crm.lead.assigned.v1',
        data: { leadId, ownerId, rule, poolId, assignedBy, assignedAt },
      };
    }
    case 'LeadReassigned': {
      const { leadId, ownerId, previousOwnerId, reason, reassignedBy, reassignedAt } = event.data;
      return {
        type: 'crm.lead.reassigned.v1',
        data: {
          leadId,
          ownerId,
          previousOwnerId,
          ...(reason !== undefined && { reason }),
          reassignedBy,
          reassignedAt,
        },
      };
    }
    case 'LeadClaimed': {
      const { leadId, ownerId, poolId, openClaims, claimLimit, claimedAt } = event.data;
      return {
        type: 'crm.lead.claimed.v1',
        data: { leadId, ownerId, poolId, openClaims, claimLimit, claimedAt },
      };
    }
    case 'LeadReleased': {
      const { leadId, poolId, previousOwnerId, reason, releasedBy } = event.data;
      return {
        type: 'crm.lead.released.v1',
        data: { leadId, poolId, previousOwnerId, reason, releasedBy },
      };
    }
    case 'LeadReturnedToPool': {
      const { leadId, poolId, previousOwnerId, reason, deadline, lastFollowUpAt } = event.data;
      return {
        type: 'crm.lead.returned_to_pool.v1',
        data: { leadId, poolId, previousOwnerId, reason, deadline, lastFollowUpAt },
      };
    }
    case 'LeadMovedToPool': {
      const { leadId, poolId, previousPoolId, previousOwnerId, reason, movedBy } = event.data;
      return {
        type: 'crm.lead.moved_to_pool.v1',
        data: {
          leadId,
          poolId,
          previousPoolId,
          previousOwnerId,
          ...(reason !== undefined && { reason }),
          movedBy,
        },
      };
    }
    case 'FollowUpStatusChanged': {
      const { leadId, status, previousStatus, changedBy } = event.data;
      return {
        type: 'crm.lead.follow_up_status_changed.v1',
        data: { leadId, status, previousStatus, changedBy },
      };
    }
    default:
      return toPublicProgressEvent(event);
  }
}
