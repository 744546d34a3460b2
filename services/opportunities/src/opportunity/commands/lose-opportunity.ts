import type { LossReason, OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { invalidField } from '../errors.ts';
import { closed, requireOpened } from '../rules/status.ts';
import { optionalText } from '../rules/text.ts';
import type { OpportunityCommandBase } from './command.ts';

export const lossReasons: readonly LossReason[] = [
  'price',
  'product_fit',
  'competitor',
  'timing',
  'no_decision',
  'other',
];

/** Closes the deal as lost (输单), saying why. */
export interface LoseOpportunity extends OpportunityCommandBase {
  type: 'LoseOpportunity';
  reason: LossReason;
  /** Who won it instead: required when the reason is competitor. */
  competitor?: string;
  note?: string;
}

export function loseOpportunity(
  command: LoseOpportunity,
  state: OpportunityState,
): OpportunityEvent[] {
  const opportunity = requireOpened(state, command.opportunityId);
  if (opportunity.status === 'won') throw closed('won', opportunity.opportunityId);
  const { reason } = command;
  if (!lossReasons.includes(reason)) throw invalidField('reason', 'malformed', { value: reason });
  if (opportunity.status === 'lost') {
    // A retry of the same loss changes nothing; another reason needs a reopen first.
    if (reason === opportunity.lossReason) return [];
    throw closed('lost', opportunity.opportunityId);
  }
  const competitor = optionalText('competitor', command.competitor, 200);
  if (reason === 'competitor' && competitor === undefined) {
    throw invalidField('competitor', 'required');
  }
  const note = optionalText('note', command.note, 1000);
  const { opportunityId, customerId, ownerId, team, stage } = opportunity;
  return [
    {
      type: 'OpportunityLost',
      data: {
        opportunityId,
        customerId,
        ownerId,
        team,
        reason,
        ...(competitor !== undefined && { competitor }),
        ...(note !== undefined && { note }),
        stage,
        closedAt: command.at,
      },
    },
  ];
}
