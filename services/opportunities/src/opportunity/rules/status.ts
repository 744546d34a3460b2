// Which opportunities a command may act on. Most commands need an open one; the refusal says why
// not, so the caller can tell "no such opportunity" from "it is closed, ask a manager to reopen".
import type { OpenOpportunity, OpenedOpportunity, OpportunityState } from '../opportunity.ts';
import { opportunityError } from '../errors.ts';

export function requireOpened(state: OpportunityState, opportunityId: string): OpenedOpportunity {
  if (state.status !== 'unopened') return state;
  throw opportunityError('OPPORTUNITY_NOT_FOUND', `opportunity ${opportunityId} does not exist`, {
    opportunityId,
  });
}

export function requireOpen(state: OpportunityState, opportunityId: string): OpenOpportunity {
  const opportunity = requireOpened(state, opportunityId);
  if (opportunity.status === 'open') return opportunity;
  throw closed(opportunity.status, opportunityId);
}

export const closed = (status: 'won' | 'lost', opportunityId: string) =>
  opportunityError('OPPORTUNITY_CLOSED', `opportunity ${opportunityId} is ${status}`, {
    opportunityId,
    status,
  });
