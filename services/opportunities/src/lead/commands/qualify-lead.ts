import type { LeadEvent } from '../events.ts';
import type { LeadState } from '../lead.ts';
import { requireOwnerOrManager } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import { optionalText } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/** The lead is worth pursuing: only a qualified lead can be converted. */
export interface QualifyLead extends LeadCommandBase {
  type: 'QualifyLead';
  note?: string;
}

export function qualifyLead(command: QualifyLead, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireOwnerOrManager(lead.ownerId, command);
  if (lead.status === 'qualified') return [];
  const note = optionalText('note', command.note, 500);
  return [
    {
      type: 'LeadQualified',
      data: {
        leadId: lead.leadId,
        ...(note !== undefined && { note }),
        qualifiedBy: command.actor,
      },
    },
  ];
}
