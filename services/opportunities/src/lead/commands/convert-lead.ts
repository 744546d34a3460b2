import type { CustomerKind } from '@crm/contracts';
import type { LeadConverted, LeadEvent } from '../events.ts';
import { leadError } from '../errors.ts';
import type { ActiveLead, LeadState } from '../lead.ts';
import { requireOwnerOrManager } from '../rules/access.ts';
import { customerRegistrationFor } from '../rules/registration.ts';
import { requireActive } from '../rules/status.ts';
import { requiredId } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/**
 * The customer of the converted lead: an existing one, or a new one whose id the application
 * derives from the lead id (so a replayed conversion asks for the same customer).
 */
export type ConversionCustomer =
  | { existingCustomerId: string }
  | {
      newCustomerId: string;
      /** Person or company; by default a company when the lead names one. */
      kind?: CustomerKind;
    };

/**
 * Converts a qualified, owned lead (转化): an opportunity is opened under opportunityId, and either
 * an existing customer is linked or the customers service is asked, by the event only, to register
 * a new one. The lead is closed; the customers service's answer arrives later.
 */
export interface ConvertLead extends LeadCommandBase {
  type: 'ConvertLead';
  opportunityId: string;
  customer: ConversionCustomer;
}

export function convertLead(command: ConvertLead, state: LeadState): LeadEvent[] {
  if (state.status === 'converted' && state.opportunityId === command.opportunityId) return [];
  const lead = requireActive(state, command.leadId);
  requireOwnerOrManager(lead.ownerId, command);
  const { leadId, ownerId } = lead;
  if (ownerId === null) {
    throw leadError('LEAD_IN_POOL', `lead ${leadId} has no owner to convert it`, {
      leadId,
      poolId: lead.poolId,
    });
  }
  if (lead.status !== 'qualified') {
    throw leadError('LEAD_NOT_QUALIFIED', `lead ${leadId} is not qualified`, { leadId });
  }
  const opportunityId = requiredId('opportunityId', command.opportunityId);
  const { customerId, customerRegistration } = customerOf({ ...lead, ownerId }, command.customer);
  return [
    {
      type: 'LeadConverted',
      data: {
        leadId,
        opportunityId,
        customerId,
        customerRegistration,
        ownerId,
        ...(lead.campaignId !== undefined && { campaignId: lead.campaignId }),
        convertedBy: command.actor,
      },
    },
  ];
}

function customerOf(
  lead: ActiveLead & { ownerId: string },
  customer: ConversionCustomer,
): Pick<LeadConverted['data'], 'customerId' | 'customerRegistration'> {
  if ('existingCustomerId' in customer) {
    const customerId = requiredId('customer.existingCustomerId', customer.existingCustomerId);
    return { customerId, customerRegistration: null };
  }
  const customerId = requiredId('customer.newCustomerId', customer.newCustomerId);
  return {
    customerId,
    customerRegistration: customerRegistrationFor(lead, customerId, customer.kind),
  };
}
