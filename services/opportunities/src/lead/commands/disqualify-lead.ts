import type { LeadDisqualificationReason } from '@crm/contracts';
import type { LeadEvent } from '../events.ts';
import { invalidField } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { requireOwnerOrManager } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import { optionalText } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/** Closes the lead as not worth pursuing (无效线索), with a reason; `other` needs a note. */
export interface DisqualifyLead extends LeadCommandBase {
  type: 'DisqualifyLead';
  reason: LeadDisqualificationReason;
  note?: string;
}

export function disqualifyLead(command: DisqualifyLead, state: LeadState): LeadEvent[] {
  if (state.status === 'disqualified') return [];
  const lead = requireActive(state, command.leadId);
  requireOwnerOrManager(lead.ownerId, command);
  const note = optionalText('note', command.note, 500);
  if (command.reason === 'other' && note === undefined) {
    throw invalidField('note', 'required', { disqualificationReason: command.reason });
  }
  return [
    {
      type: 'LeadDisqualified',
      data: {
        leadId: lead.leadId,
        reason: command.reason,
        ...(note !== undefined && { note }),
        disqualifiedBy: command.actor,
      },
    },
  ];
}
