import type { LeadEvent } from '../events.ts';
import { leadError } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { requireOwnerOrManager } from '../rules/access.ts';
import { requireConverted } from '../rules/status.ts';
import { requiredId } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/**
 * After the customers service refused to register the lead's customer (say, its phone belongs to
 * an existing customer), the owner or a manager links the conversion to an existing customer.
 */
export interface LinkLeadToExistingCustomer extends LeadCommandBase {
  type: 'LinkLeadToExistingCustomer';
  customerId: string;
}

export function linkLeadToExistingCustomer(
  command: LinkLeadToExistingCustomer,
  state: LeadState,
): LeadEvent[] {
  const lead = requireConverted(state, command.leadId);
  requireOwnerOrManager(lead.ownerId, command);
  const customerId = requiredId('customerId', command.customerId);
  if (lead.progress === 'completed' && lead.customerId === customerId) return [];
  if (lead.progress !== 'blocked') {
    throw leadError(
      'CONVERSION_NOT_BLOCKED',
      `the conversion of lead ${lead.leadId} is not blocked`,
      {
        progress: lead.progress,
      },
    );
  }
  return [
    {
      type: 'LeadLinkedToCustomer',
      data: {
        leadId: lead.leadId,
        customerId,
        previousCustomerId: lead.customerId,
        opportunityId: lead.opportunityId,
        linkedBy: command.actor,
      },
    },
  ];
}
