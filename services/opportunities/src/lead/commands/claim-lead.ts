import type { LeadEvent } from '../events.ts';
import { invalidField, leadError } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { requireRole } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import type { LeadCommandBase } from './command.ts';

/**
 * The actor claims a lead from its pool (领取). The application counts the rep's open claims and
 * reads the pool's limit; of two reps claiming at once, the expected revision lets one append and
 * the other retries, sees the owner, and gets LEAD_ALREADY_CLAIMED.
 */
export interface ClaimLead extends LeadCommandBase {
  type: 'ClaimLead';
  /** The leads the rep holds now, claimed or assigned, not yet converted or disqualified. */
  openClaims: number;
  /** The pool's limit of open claims per rep. */
  claimLimit: number;
}

export function claimLead(command: ClaimLead, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireRole(command, ['sales_rep', 'sales_manager']);
  if (lead.ownerId === command.actor) return [];
  if (lead.ownerId !== null) {
    throw leadError('LEAD_ALREADY_CLAIMED', `lead ${lead.leadId} is owned already`, {
      leadId: lead.leadId,
      ownerId: lead.ownerId,
    });
  }
  const { openClaims, claimLimit } = command;
  if (!Number.isInteger(openClaims) || openClaims < 0) {
    throw invalidField('openClaims', 'out_of_range', { value: openClaims, min: 0 });
  }
  if (!Number.isInteger(claimLimit) || claimLimit < 1) {
    throw invalidField('claimLimit', 'out_of_range', { value: claimLimit, min: 1 });
  }
  if (openClaims >= claimLimit) {
    throw leadError('CLAIM_LIMIT_REACHED', `${command.actor} holds ${openClaims} open claims`, {
      limit: claimLimit,
      openClaims,
    });
  }
  const { leadId, poolId } = lead;
  return [
    {
      type: 'LeadClaimed',
      data: {
        leadId,
        ownerId: command.actor,
        poolId,
        openClaims,
        claimLimit,
        claimedAt: command.at,
      },
    },
  ];
}
