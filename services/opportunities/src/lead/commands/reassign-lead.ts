import type { LeadEvent } from '../events.ts';
import { leadError } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { requireRole } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import { optionalText, requiredId } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/** A manager hands an owned lead to another rep; the event keeps who had it before. */
export interface ReassignLead extends LeadCommandBase {
  type: 'ReassignLead';
  ownerId: string;
  reason?: string;
}

export function reassignLead(command: ReassignLead, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireRole(command, ['sales_manager']);
  const ownerId = requiredId('ownerId', command.ownerId);
  const previousOwnerId = lead.ownerId;
  if (previousOwnerId === null) {
    throw leadError('LEAD_IN_POOL', `lead ${lead.leadId} waits in a pool: assign it`, {
      leadId: lead.leadId,
      poolId: lead.poolId,
    });
  }
  if (previousOwnerId === ownerId) return [];
  const reason = optionalText('reason', command.reason, 500);
  return [
    {
      type: 'LeadReassigned',
      data: {
        leadId: lead.leadId,
        ownerId,
        previousOwnerId,
        ...(reason !== undefined && { reason }),
        reassignedBy: command.actor,
        reassignedAt: command.at,
      },
    },
  ];
}
