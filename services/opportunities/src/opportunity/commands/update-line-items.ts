import type { OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { requireRepresentable } from '../rules/amount-fields.ts';
import { normaliseLineItems, sameLines, type LineItemInput } from '../rules/line-items.ts';
import { sumAmounts } from '../rules/money.ts';
import { requireOpen } from '../rules/status.ts';
import type { OpportunityCommandBase } from './command.ts';

/** Replaces the whole list. The amount becomes their sum; with none, the amount stays as it was. */
export interface UpdateLineItems extends OpportunityCommandBase {
  type: 'UpdateLineItems';
  lineItems: readonly LineItemInput[];
}

export function updateLineItems(
  command: UpdateLineItems,
  state: OpportunityState,
): OpportunityEvent[] {
  const opportunity = requireOpen(state, command.opportunityId);
  const lineItems = normaliseLineItems(command.lineItems);
  if (sameLines(lineItems, opportunity.lineItems)) return [];
  const total = sumAmounts(lineItems.map((line) => line.netAmount));
  requireRepresentable('lineItems', total);
  const amount =
    lineItems.length === 0 ? opportunity.amount : { ...opportunity.amount, amount: total };
  return [
    {
      type: 'LineItemsUpdated',
      data: { opportunityId: opportunity.opportunityId, lineItems, amount },
    },
  ];
}
