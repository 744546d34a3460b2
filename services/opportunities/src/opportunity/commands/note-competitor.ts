import type { Competitor, OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { invalidField } from '../errors.ts';
import { requireOpen } from '../rules/status.ts';
import { optionalText, requiredText } from '../rules/text.ts';
import type { OpportunityCommandBase } from './command.ts';

export const maxCompetitors = 20;

/** Adds a competitor (竞争对手), or replaces the notes on one already named. */
export interface NoteCompetitor extends OpportunityCommandBase {
  type: 'NoteCompetitor';
  name: string;
  strengths?: string;
  weaknesses?: string;
}

export function noteCompetitor(
  command: NoteCompetitor,
  state: OpportunityState,
): OpportunityEvent[] {
  const opportunity = requireOpen(state, command.opportunityId);
  const strengths = optionalText('strengths', command.strengths, 1000);
  const weaknesses = optionalText('weaknesses', command.weaknesses, 1000);
  const competitor: Competitor = {
    name: requiredText('name', command.name, 200),
    ...(strengths !== undefined && { strengths }),
    ...(weaknesses !== undefined && { weaknesses }),
  };
  const known = opportunity.competitors.find(({ name }) => name === competitor.name);
  if (known && JSON.stringify(known) === JSON.stringify(competitor)) return [];
  if (!known && opportunity.competitors.length >= maxCompetitors) {
    throw invalidField('competitors', 'too_many', { limit: maxCompetitors });
  }
  return [
    { type: 'CompetitorNoted', data: { opportunityId: opportunity.opportunityId, competitor } },
  ];
}
