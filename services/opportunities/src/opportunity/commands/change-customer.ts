import type { OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { invalidField, opportunityError } from '../errors.ts';
import { requireOpened } from '../rules/status.ts';
import { requiredText } from '../rules/text.ts';
import type { CustomerChangeReason } from '../values.ts';
import type { OpportunityCommandBase } from './command.ts';

/** The role the lead application acts with when it completes a conversion for a user. */
export const customerChangeRoles: readonly string[] = ['system'];

const reasons: readonly CustomerChangeReason[] = ['lead_linked_to_existing_customer'];

/**
 * Moves the deal to another customer. The one case so far: the lead it was converted from asked
 * for a customer the customers service refused to register, and the lead was linked to an existing
 * customer instead. Allowed won or lost too: the old id names no customer, so no result may keep it.
 */
export interface ChangeCustomer extends OpportunityCommandBase {
  type: 'ChangeCustomer';
  customerId: string;
  reason: CustomerChangeReason;
  /** The lead the deal was converted from: it must be the deal's own. */
  leadId: string;
  /** The actor's roles: the system (the lead's conversion) issues it, on behalf of `actor`. */
  actorRoles: readonly string[];
}

export function changeCustomer(
  command: ChangeCustomer,
  state: OpportunityState,
): OpportunityEvent[] {
  const opportunity = requireOpened(state, command.opportunityId);
  const { opportunityId } = opportunity;
  if (!command.actorRoles.some((role) => customerChangeRoles.includes(role))) {
    throw opportunityError(
      'CUSTOMER_CHANGE_NOT_ALLOWED',
      'only the lead conversion moves a deal to another customer',
      { opportunityId, requiredRoles: customerChangeRoles },
    );
  }
  if (!reasons.includes(command.reason)) {
    throw invalidField('reason', 'malformed', { allowed: reasons });
  }
  const leadId = requiredText('leadId', command.leadId, 100);
  if (leadId !== opportunity.leadId) {
    throw invalidField('leadId', 'mismatch', { expected: opportunity.leadId ?? null });
  }
  const customerId = requiredText('customerId', command.customerId, 100);
  if (customerId === opportunity.customerId) return [];
  return [
    {
      type: 'OpportunityCustomerChanged',
      data: {
        opportunityId,
        customerId,
        previousCustomerId: opportunity.customerId,
        reason: command.reason,
        changedBy: command.actor,
        changedAt: command.at,
      },
    },
  ];
}
