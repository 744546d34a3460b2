import type { LeadReturnReason } from '@crm/contracts';
import type { LeadEvent } from '../events.ts';
import { invalidField, leadError } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { requireRole } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import type { LeadCommandBase } from './command.ts';

const hour = 3_600_000;
const maxWindowHours = 24 * 366;

/**
 * The system takes a lead back into its pool when its owner has not followed it up in time
 * (自动回收). The deadline is worked out here from the lead's own follow-up clock, so a follow-up
 * logged just before the recycler acts always wins.
 */
export interface ReturnLeadToPool extends LeadCommandBase {
  type: 'ReturnLeadToPool';
  reason: LeadReturnReason;
  /** The pool's configured time: hours after the last follow-up (or getting the lead). */
  followUpWithinHours: number;
}

export function returnLeadToPool(command: ReturnLeadToPool, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireRole(command, ['system']);
  if (lead.ownerId === null) return [];
  const hours = command.followUpWithinHours;
  if (!Number.isInteger(hours) || hours < 1 || hours > maxWindowHours) {
    throw invalidField('followUpWithinHours', 'out_of_range', {
      value: hours,
      min: 1,
      max: maxWindowHours,
    });
  }
  const { lastFollowUpAt } = lead;
  const deadline = new Date(Date.parse(lastFollowUpAt) + hours * hour).toISOString();
  if (Date.parse(command.at) < Date.parse(deadline)) {
    throw leadError('FOLLOW_UP_NOT_OVERDUE', `lead ${lead.leadId} is due by ${deadline}`, {
      deadline,
      lastFollowUpAt,
    });
  }
  return [
    {
      type: 'LeadReturnedToPool',
      data: {
        leadId: lead.leadId,
        poolId: lead.poolId,
        previousOwnerId: lead.ownerId,
        reason: command.reason,
        deadline,
        lastFollowUpAt,
      },
    },
  ];
}
