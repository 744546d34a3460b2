// What the customers service answered to a lead conversion, told to that lead's stream: a
// registration carrying a leadId completes it, a refusal blocks it. The lead's decider makes a
// repeated answer a no-op, so a redelivered event changes nothing.
import { isDomainError } from '@crm/decider';
import { PermanentError } from '@crm/event-bus';
import type { RegistrationOutcome } from '../lead/commands/record-customer-registration-outcome.ts';
import type { LeadsApplication } from '../lead/application.ts';
import type { CustomerFeedEvent } from './customer-event.ts';

/** Who the lead's history shows as recording the answer. */
export const FEED_ACTOR = 'system:customers-feed';

/**
 * Refusals that mean "the conversion is not in the lead's stream yet": retried with backoff by
 * consume(), and parked with this code when it never comes (see the README).
 */
export const AWAITING_CONVERSION: ReadonlySet<string> = new Set([
  'LEAD_NOT_CONVERTED',
  'LEAD_NOT_FOUND',
]);

export interface LeadAnswer {
  leadId: string;
  customerId: string;
  outcome: RegistrationOutcome;
}

/** The answer an event carries for a converted lead, or null when it carries none. */
export function leadAnswerOf(event: CustomerFeedEvent): LeadAnswer | null {
  if (event.type === 'crm.customer.registered.v1') {
    const { leadId, customerId } = event.data;
    return leadId === undefined ? null : { leadId, customerId, outcome: { status: 'registered' } };
  }
  if (event.type === 'crm.customer.registration_rejected.v1') {
    const { leadId, customerId, reason, existingCustomerId } = event.data;
    const outcome: RegistrationOutcome = {
      status: 'rejected',
      reason,
      ...(existingCustomerId === undefined ? {} : { existingCustomerId }),
    };
    return { leadId, customerId, outcome };
  }
  return null;
}

/** Records the answer as the system; a refusal no retry can fix becomes a PermanentError. */
export async function tellLead(
  leads: Pick<LeadsApplication, 'execute'>,
  answer: LeadAnswer,
  event: CustomerFeedEvent,
): Promise<void> {
  const { leadId, customerId, outcome } = answer;
  const context = {
    actor: FEED_ACTOR,
    actorRole: 'system' as const,
    correlationId: event.correlationId,
    causationId: event.id,
    ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
  };
  try {
    await leads.execute(
      leadId,
      { type: 'RecordCustomerRegistrationOutcome', customerId, outcome },
      context,
    );
  } catch (error) {
    if (isDomainError(error) && !AWAITING_CONVERSION.has(error.code)) {
      // UNEXPECTED_CUSTOMER, a malformed reason...: parked at once, the domain's code kept.
      throw new PermanentError(error.code, error.message, { cause: error });
    }
    throw error;
  }
}
