import type { OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { opportunityError } from '../errors.ts';
import { normaliseAmount } from '../rules/amount-fields.ts';
import { isZeroAmount } from '../rules/money.ts';
import { closed, requireOpened } from '../rules/status.ts';
import type { OpportunityCommandBase } from './command.ts';

/** Closes the deal as won (赢单) at its actual value. */
export interface WinOpportunity extends OpportunityCommandBase {
  type: 'WinOpportunity';
  /** The actual deal value in the opportunity's currency: required, greater than 0. */
  actualAmount?: string;
}

export function winOpportunity(
  command: WinOpportunity,
  state: OpportunityState,
): OpportunityEvent[] {
  const opportunity = requireOpened(state, command.opportunityId);
  if (opportunity.status === 'lost') throw closed('lost', opportunity.opportunityId);
  const amount = actualAmount(command.actualAmount);
  if (opportunity.status === 'won') {
    // A retry of the same win changes nothing; a different amount needs a reopen first.
    if (amount === opportunity.amount.amount) return [];
    throw closed('won', opportunity.opportunityId);
  }
  const { opportunityId, customerId, ownerId, team, stage, sourceCampaignId } = opportunity;
  return [
    {
      type: 'OpportunityWon',
      data: {
        opportunityId,
        customerId,
        ownerId,
        team,
        amount: { ...opportunity.amount, amount },
        stage,
        ...(sourceCampaignId !== undefined && { sourceCampaignId }),
        closedAt: command.at,
      },
    },
  ];
}

function actualAmount(given: string | undefined): string {
  const missing = typeof given !== 'string' || given.trim() === '';
  const amount = missing ? undefined : normaliseAmount('actualAmount', given);
  if (amount === undefined || isZeroAmount(amount)) {
    throw opportunityError(
      'AMOUNT_REQUIRED',
      'a won opportunity needs its actual amount, above 0',
      {
        field: 'actualAmount',
      },
    );
  }
  return amount;
}
