// The quote decider: which events a command causes in a given state, or why it is refused.
// Each command lives in its own file under commands/; this switch is the one place that lists them.
import type { Decider } from '@crm/decider';
import { acceptQuote, type AcceptQuote } from './commands/accept-quote.ts';
import { draftQuote, type DraftQuote } from './commands/draft-quote.ts';
import { issueQuote, type IssueQuote } from './commands/issue-quote.ts';
import { rejectQuote, type RejectQuote } from './commands/reject-quote.ts';
import { supersedeQuote, type SupersedeQuote } from './commands/supersede-quote.ts';
import { updateQuoteDraft, type UpdateQuoteDraft } from './commands/update-quote-draft.ts';
import { evolve, initialState, type QuoteEvent, type QuoteState } from './quote.ts';

export type QuoteCommand =
  DraftQuote | UpdateQuoteDraft | IssueQuote | AcceptQuote | RejectQuote | SupersedeQuote;

/** The events the command causes ([] = nothing to do), or a thrown DomainError (errors.ts). */
export function decide(command: QuoteCommand, state: QuoteState): QuoteEvent[] {
  switch (command.type) {
    case 'DraftQuote':
      return draftQuote(command, state);
    case 'UpdateQuoteDraft':
      return updateQuoteDraft(command, state);
    case 'IssueQuote':
      return issueQuote(command, state);
    case 'AcceptQuote':
      return acceptQuote(command, state);
    case 'RejectQuote':
      return rejectQuote(command, state);
    case 'SupersedeQuote':
      return supersedeQuote(command, state);
    default:
      return unknownCommand(command);
  }
}

// Types rule this out; a command built from untyped input at runtime still gets a clear answer.
function unknownCommand(command: never): never {
  throw new TypeError(`unknown quote command: ${String((command as { type: unknown }).type)}`);
}

export const quoteDecider: Decider<QuoteCommand, QuoteEvent, QuoteState> = {
  initialState,
  decide,
  evolve,
};
