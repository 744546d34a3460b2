import type { LeadFollowUpStatus } from '@crm/contracts';
import type { LeadEvent } from '../events.ts';
import type { LeadState } from '../lead.ts';
import { requireOwnerOrManager } from '../rules/access.ts';
import { requireFollowUpTransition } from '../rules/follow-up-status.ts';
import { requireActive } from '../rules/status.ts';
import type { LeadCommandBase } from './command.ts';

export interface UpdateFollowUpStatus extends LeadCommandBase {
  type: 'UpdateFollowUpStatus';
  status: LeadFollowUpStatus;
}

export function updateFollowUpStatus(command: UpdateFollowUpStatus, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireOwnerOrManager(lead.ownerId, command);
  const previousStatus = lead.followUpStatus;
  if (command.status === previousStatus) return [];
  requireFollowUpTransition(previousStatus, command.status);
  return [
    {
      type: 'FollowUpStatusChanged',
      data: {
        leadId: lead.leadId,
        status: command.status,
        previousStatus,
        changedBy: command.actor,
      },
    },
  ];
}
