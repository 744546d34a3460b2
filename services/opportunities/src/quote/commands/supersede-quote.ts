import { requiredText } from '../../opportunity/rules/text.ts';
import type { QuoteEvent, QuoteState } from '../quote.ts';
import { quoteError } from '../errors.ts';
import { requireExisting } from '../rules/status.ts';
import type { QuoteCommandBase } from './command.ts';

/**
 * Marks this version as replaced by a later one of the same opportunity. The application sends it
 * to the previous version when it drafts a new one; drafts, issued and rejected quotes give way.
 */
export interface SupersedeQuote extends QuoteCommandBase {
  type: 'SupersedeQuote';
  supersededBy: string;
  supersededByVersion: number;
}

export function supersedeQuote(command: SupersedeQuote, state: QuoteState): QuoteEvent[] {
  const quote = requireExisting(state, command.quoteId);
  const supersededBy = requiredText('supersededBy', command.supersededBy, 100);
  const { quoteId, opportunityId, version } = quote;
  const { supersededByVersion } = command;
  if (quote.status === 'superseded') {
    if (quote.supersededBy === supersededBy) return [];
    throw quoteError('QUOTE_ALREADY_SUPERSEDED', `quote ${quoteId} was superseded already`, {
      quoteId,
      supersededBy: quote.supersededBy,
    });
  }
  if (quote.status === 'accepted') {
    throw quoteError('QUOTE_ALREADY_ACCEPTED', `quote ${quoteId} was accepted`, { quoteId });
  }
  if (!Number.isInteger(supersededByVersion) || supersededByVersion <= version) {
    throw quoteError(
      'VERSION_NOT_NEWER',
      `version ${supersededByVersion} does not come after version ${version}`,
      { quoteId, version, supersededByVersion },
    );
  }
  return [
    {
      type: 'QuoteSuperseded',
      data: { quoteId, opportunityId, version, supersededBy, supersededByVersion },
    },
  ];
}
