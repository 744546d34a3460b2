import type { LeadEvent } from '../events.ts';
import { invalidField, leadError } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { requireRole } from '../rules/access.ts';
import { requireConverted } from '../rules/status.ts';
import { optionalText, requiredId } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/** What crm.customers.v1 said about the customer a conversion asked to register. */
export type RegistrationOutcome =
  | { status: 'registered' }
  | {
      status: 'rejected';
      /** The customers service's refusal code, e.g. DUPLICATE_CONTACT. */
      reason: string;
      /** The customer that already holds the phone or e-mail, when that was the reason. */
      existingCustomerId?: string;
    };

/**
 * The system records the customers service's answer to a conversion. Events may arrive twice or
 * late: an answer already known changes nothing, and a registration that succeeds after a refusal
 * still completes the conversion (unless the lead was linked to another customer meanwhile).
 */
export interface RecordCustomerRegistrationOutcome extends LeadCommandBase {
  type: 'RecordCustomerRegistrationOutcome';
  customerId: string;
  outcome: RegistrationOutcome;
}

const refusalCode = /^[A-Z][A-Z0-9_]*$/;

export function recordCustomerRegistrationOutcome(
  command: RecordCustomerRegistrationOutcome,
  state: LeadState,
): LeadEvent[] {
  requireRole(command, ['system']);
  const lead = requireConverted(state, command.leadId);
  const { leadId, opportunityId, requestedCustomerId } = lead;
  const customerId = requiredId('customerId', command.customerId);
  if (customerId !== requestedCustomerId) {
    throw leadError('UNEXPECTED_CUSTOMER', `lead ${leadId} did not ask to register ${customerId}`, {
      expected: requestedCustomerId,
      actual: customerId,
    });
  }
  const { outcome } = command;
  if (lead.progress === 'completed') return [];
  if (outcome.status === 'registered') {
    return [{ type: 'LeadConversionCompleted', data: { leadId, customerId, opportunityId } }];
  }
  if (lead.progress === 'blocked') return [];
  if (!refusalCode.test(outcome.reason) || outcome.reason.length > 100) {
    throw invalidField('outcome.reason', 'malformed', { value: outcome.reason });
  }
  const existing = optionalText('outcome.existingCustomerId', outcome.existingCustomerId, 100);
  return [
    {
      type: 'LeadConversionBlocked',
      data: {
        leadId,
        customerId,
        reason: outcome.reason,
        ...(existing !== undefined && { existingCustomerId: existing }),
      },
    },
  ];
}
