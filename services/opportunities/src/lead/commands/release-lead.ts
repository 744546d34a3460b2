import type { LeadEvent } from '../events.ts';
import type { LeadState } from '../lead.ts';
import { requireOwnerOrManager, requireRole } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import { requiredText } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/** The owner (or a manager) gives the lead back to its pool (退回公海), saying why. */
export interface ReleaseLead extends LeadCommandBase {
  type: 'ReleaseLead';
  reason: string;
}

export function releaseLead(command: ReleaseLead, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireRole(command, ['sales_rep', 'sales_manager']);
  if (lead.ownerId === null) return [];
  requireOwnerOrManager(lead.ownerId, command);
  const reason = requiredText('reason', command.reason, 500);
  return [
    {
      type: 'LeadReleased',
      data: {
        leadId: lead.leadId,
        poolId: lead.poolId,
        previousOwnerId: lead.ownerId,
        reason,
        releasedBy: command.actor,
      },
    },
  ];
}
