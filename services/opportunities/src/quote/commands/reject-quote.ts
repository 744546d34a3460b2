import { requiredText } from '../../opportunity/rules/text.ts';
import type { QuoteEvent, QuoteState } from '../quote.ts';
import { requireExisting, requireIssued } from '../rules/status.ts';
import type { QuoteCommandBase } from './command.ts';

/** The customer turns the issued quote down; a new version may follow. */
export interface RejectQuote extends QuoteCommandBase {
  type: 'RejectQuote';
  reason: string;
}

export function rejectQuote(command: RejectQuote, state: QuoteState): QuoteEvent[] {
  if (requireExisting(state, command.quoteId).status === 'rejected') return [];
  const quote = requireIssued(state, command.quoteId);
  const reason = requiredText('reason', command.reason, 500);
  const { quoteId, opportunityId, version } = quote;
  return [
    {
      type: 'QuoteRejected',
      data: { quoteId, opportunityId, version, reason, rejectedAt: command.at },
    },
  ];
}
