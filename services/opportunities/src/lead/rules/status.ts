// Which leads a command may act on. Most commands need a lead still being worked (open or
// qualified); a closed one (converted or disqualified) refuses them and says why.
import type { DomainError } from '@crm/decider';
import { leadError } from '../errors.ts';
import type { ActiveLead, ConvertedLead, LeadState } from '../lead.ts';

export function requireActive(state: LeadState, leadId: string): ActiveLead {
  if (state.status === 'open' || state.status === 'qualified') return state;
  throw unavailable(state, leadId);
}

/** For what follows a conversion: the customers service's answer, and linking after a refusal. */
export function requireConverted(state: LeadState, leadId: string): ConvertedLead {
  if (state.status === 'converted') return state;
  if (state.status === 'open' || state.status === 'qualified') {
    throw leadError('LEAD_NOT_CONVERTED', `lead ${leadId} is not converted`, { leadId });
  }
  throw unavailable(state, leadId);
}

function unavailable(state: Exclude<LeadState, ActiveLead>, leadId: string): DomainError {
  switch (state.status) {
    case 'uncaptured':
      return leadError('LEAD_NOT_FOUND', `lead ${leadId} does not exist`, { leadId });
    case 'converted': {
      const { opportunityId, customerId } = state;
      return leadError('LEAD_CONVERTED', `lead ${leadId} was converted`, {
        leadId,
        opportunityId,
        customerId,
      });
    }
    case 'disqualified':
      return leadError('LEAD_DISQUALIFIED', `lead ${leadId} was disqualified`, {
        leadId,
        reason: state.reason,
      });
  }
}
