import type { LeadEvent } from '../events.ts';
import type { LeadState } from '../lead.ts';
import { requireRole } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import { optionalText, requiredId } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/** A manager puts a lead into a pool (another team's or region's, or its own), without owner. */
export interface MoveLeadToPool extends LeadCommandBase {
  type: 'MoveLeadToPool';
  poolId: string;
  reason?: string;
}

export function moveLeadToPool(command: MoveLeadToPool, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireRole(command, ['sales_manager']);
  const poolId = requiredId('poolId', command.poolId);
  if (lead.poolId === poolId && lead.ownerId === null) return [];
  const reason = optionalText('reason', command.reason, 500);
  return [
    {
      type: 'LeadMovedToPool',
      data: {
        leadId: lead.leadId,
        poolId,
        previousPoolId: lead.poolId,
        previousOwnerId: lead.ownerId,
        ...(reason !== undefined && { reason }),
        movedBy: command.actor,
      },
    },
  ];
}
