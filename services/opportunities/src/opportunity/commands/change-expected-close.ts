import type { OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { normaliseDate } from '../rules/dates.ts';
import { requireOpen } from '../rules/status.ts';
import type { OpportunityCommandBase } from './command.ts';

export interface ChangeExpectedClose extends OpportunityCommandBase {
  type: 'ChangeExpectedClose';
  /** YYYY-MM-DD; a past date is allowed (a deal that slipped is still a deal). */
  expectedCloseDate: string;
}

export function changeExpectedClose(
  command: ChangeExpectedClose,
  state: OpportunityState,
): OpportunityEvent[] {
  const opportunity = requireOpen(state, command.opportunityId);
  const expectedCloseDate = normaliseDate('expectedCloseDate', command.expectedCloseDate);
  const previousExpectedCloseDate = opportunity.expectedCloseDate;
  if (expectedCloseDate === previousExpectedCloseDate) return [];
  return [
    {
      type: 'ExpectedCloseChanged',
      data: {
        opportunityId: opportunity.opportunityId,
        expectedCloseDate,
        previousExpectedCloseDate,
      },
    },
  ];
}
