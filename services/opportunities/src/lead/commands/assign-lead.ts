import type { LeadAssignmentRule } from '@crm/contracts';
import type { LeadEvent } from '../events.ts';
import { leadError } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { handOuts, requireRole } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import { requiredId } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/**
 * Gives a lead waiting in its pool to a rep. By rule (rules/assignment.ts decides, the system or a
 * manager sends it) or by hand (manual: managers only). A lead with an owner is reassigned instead.
 */
export interface AssignLead extends LeadCommandBase {
  type: 'AssignLead';
  ownerId: string;
  /** Which rule chose the owner; recorded for the history. */
  rule: LeadAssignmentRule;
}

export function assignLead(command: AssignLead, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireRole(command, command.rule === 'manual' ? ['sales_manager'] : handOuts);
  const ownerId = requiredId('ownerId', command.ownerId);
  if (lead.ownerId === ownerId) return [];
  if (lead.ownerId !== null) {
    throw leadError('LEAD_ALREADY_ASSIGNED', `lead ${lead.leadId} has an owner`, {
      leadId: lead.leadId,
      ownerId: lead.ownerId,
    });
  }
  return [
    {
      type: 'LeadAssigned',
      data: {
        leadId: lead.leadId,
        ownerId,
        rule: command.rule,
        poolId: lead.poolId,
        assignedBy: command.actor,
        assignedAt: command.at,
      },
    },
  ];
}
