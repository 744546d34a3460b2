// The opportunity decider: which events a command causes in a given state, or why it is refused.
// Each command lives in its own file under commands/; this switch is the one place that lists them.
import type { Decider } from '@crm/decider';
import { assignOwner, type AssignOwner } from './commands/assign-owner.ts';
import { changeCustomer, type ChangeCustomer } from './commands/change-customer.ts';
import { changeExpectedClose, type ChangeExpectedClose } from './commands/change-expected-close.ts';
import { changeStage, type ChangeStage } from './commands/change-stage.ts';
import { loseOpportunity, type LoseOpportunity } from './commands/lose-opportunity.ts';
import { noteCompetitor, type NoteCompetitor } from './commands/note-competitor.ts';
import { openOpportunity, type OpenOpportunity } from './commands/open-opportunity.ts';
import { reopenOpportunity, type ReopenOpportunity } from './commands/reopen-opportunity.ts';
import { updateAmount, type UpdateAmount } from './commands/update-amount.ts';
import { updateLineItems, type UpdateLineItems } from './commands/update-line-items.ts';
import { winOpportunity, type WinOpportunity } from './commands/win-opportunity.ts';
import {
  evolve,
  initialState,
  type OpportunityEvent,
  type OpportunityState,
} from './opportunity.ts';

export type OpportunityCommand =
  | OpenOpportunity
  | ChangeStage
  | UpdateLineItems
  | UpdateAmount
  | ChangeExpectedClose
  | NoteCompetitor
  | AssignOwner
  | WinOpportunity
  | LoseOpportunity
  | ReopenOpportunity
  | ChangeCustomer;

/** The events the command causes ([] = nothing to do), or a thrown DomainError (errors.ts). */
export function decide(command: OpportunityCommand, state: OpportunityState): OpportunityEvent[] {
  switch (command.type) {
    case 'OpenOpportunity':
      return openOpportunity(command, state);
    case 'ChangeStage':
      return changeStage(command, state);
    case 'UpdateLineItems':
      return updateLineItems(command, state);
    case 'UpdateAmount':
      return updateAmount(command, state);
    case 'ChangeExpectedClose':
      return changeExpectedClose(command, state);
    case 'NoteCompetitor':
      return noteCompetitor(command, state);
    case 'AssignOwner':
      return assignOwner(command, state);
    case 'WinOpportunity':
      return winOpportunity(command, state);
    case 'LoseOpportunity':
      return loseOpportunity(command, state);
    case 'ReopenOpportunity':
      return reopenOpportunity(command, state);
    case 'ChangeCustomer':
      return changeCustomer(command, state);
    default:
      return unknownCommand(command);
  }
}

// Types rule this out; a command built from untyped input at runtime still gets a clear answer.
function unknownCommand(command: never): never {
  throw new TypeError(
    `unknown opportunity command: ${String((command as { type: unknown }).type)}`,
  );
}

export const opportunityDecider: Decider<OpportunityCommand, OpportunityEvent, OpportunityState> = {
  initialState,
  decide,
  evolve,
};
