import type { OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { opportunityError } from '../errors.ts';
import { requireOpenStage } from '../rules/pipeline.ts';
import { requireOpened } from '../rules/status.ts';
import { requiredText } from '../rules/text.ts';
import type { OpportunityCommandBase } from './command.ts';

/** The roles that may reopen a closed deal: a closed deal counts in the team's results. */
export const reopenRoles: readonly string[] = ['sales_manager', 'admin'];

/** Puts a won or lost opportunity back in the pipeline. */
export interface ReopenOpportunity extends OpportunityCommandBase {
  type: 'ReopenOpportunity';
  reason: string;
  /** The open stage to return to; the one it was closed from when absent. */
  stage?: string;
  /** The actor's roles, as authenticated: the decider checks the manager rule itself. */
  actorRoles: readonly string[];
}

export function reopenOpportunity(
  command: ReopenOpportunity,
  state: OpportunityState,
): OpportunityEvent[] {
  const opportunity = requireOpened(state, command.opportunityId);
  const { opportunityId } = opportunity;
  if (!command.actorRoles.some((role) => reopenRoles.includes(role))) {
    throw opportunityError('REOPEN_REQUIRES_MANAGER', 'only a sales manager may reopen', {
      opportunityId,
      requiredRoles: reopenRoles,
    });
  }
  if (opportunity.status === 'open') return [];
  const reason = requiredText('reason', command.reason, 500);
  const { stage, probability } = requireOpenStage(
    opportunity.pipeline,
    command.stage ?? opportunity.stage,
  );
  return [
    {
      type: 'OpportunityReopened',
      data: { opportunityId, reason, stage, probability, previousStatus: opportunity.status },
    },
  ];
}
