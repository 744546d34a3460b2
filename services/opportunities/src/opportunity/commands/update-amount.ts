import type { OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { opportunityError } from '../errors.ts';
import { normaliseAmount } from '../rules/amount-fields.ts';
import { requireOpen } from '../rules/status.ts';
import type { OpportunityCommandBase } from './command.ts';

/** The expected value of a deal without line items (with them, it is their sum). */
export interface UpdateAmount extends OpportunityCommandBase {
  type: 'UpdateAmount';
  /** A decimal string in the opportunity's currency, at most 2 decimals. */
  amount: string;
}

export function updateAmount(command: UpdateAmount, state: OpportunityState): OpportunityEvent[] {
  const opportunity = requireOpen(state, command.opportunityId);
  if (opportunity.lineItems.length > 0) {
    throw opportunityError(
      'AMOUNT_SET_BY_LINE_ITEMS',
      'the amount of an opportunity with line items is their sum',
      { opportunityId: opportunity.opportunityId, lineItemCount: opportunity.lineItems.length },
    );
  }
  const amount = normaliseAmount('amount', command.amount);
  const previousAmount = opportunity.amount;
  if (amount === previousAmount.amount) return [];
  return [
    {
      type: 'AmountUpdated',
      data: {
        opportunityId: opportunity.opportunityId,
        amount: { ...previousAmount, amount },
        previousAmount,
      },
    },
  ];
}
