import type { OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { requireOpen } from '../rules/status.ts';
import { requiredText } from '../rules/text.ts';
import type { OpportunityCommandBase } from './command.ts';

/** Hands the opportunity to another rep, and to their team when it differs. */
export interface AssignOwner extends OpportunityCommandBase {
  type: 'AssignOwner';
  ownerId: string;
  /** The team it is counted in from now on; the current team when absent. */
  team?: string;
}

export function assignOwner(command: AssignOwner, state: OpportunityState): OpportunityEvent[] {
  const opportunity = requireOpen(state, command.opportunityId);
  const ownerId = requiredText('ownerId', command.ownerId, 100);
  const team =
    command.team === undefined ? opportunity.team : requiredText('team', command.team, 100);
  if (ownerId === opportunity.ownerId && team === opportunity.team) return [];
  return [
    {
      type: 'OpportunityOwnerAssigned',
      data: {
        opportunityId: opportunity.opportunityId,
        ownerId,
        previousOwnerId: opportunity.ownerId,
        team,
        previousTeam: opportunity.team,
      },
    },
  ];
}
