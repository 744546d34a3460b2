// What the customers service does about a converted lead: registers the customer the lead asked
// for (crm.lead.converted.v1 with customerRegistration), under the id the lead derived, exactly as
// the API would (contact claims included, ADR 0003), remembering the lead. A refusal (a phone or
// e-mail another customer holds, data a customer rule refuses) is recorded in that customer's own
// stream instead, so the lead learns why from crm.customer.registration_rejected.v1. The decider
// makes a second delivery, or a replay from the topic's start, change nothing.
import { leadEventSchemas, type CloudEvent } from '@crm/contracts';
import { isDomainError, type DomainError } from '@crm/decider';
import { PermanentError } from '@crm/event-bus';
import type { CommandContext } from '@crm/event-processing';
import { ContactTaken } from '../contacts/contact-claims.ts';
import type { CustomersApplication } from '../customer/application.ts';

export const LEAD_CONVERTED = 'crm.lead.converted.v1';
/** The actor of everything this reaction writes. */
export const LEAD_CONVERSION_ACTOR = 'system:lead-conversion';

export type LeadConversionOutcome =
  /** Another type, or a conversion that links an existing customer: nothing to do. */
  | { outcome: 'ignored' }
  | { outcome: 'registered'; customerId: string; leadId: string }
  /** Registered or refused for this lead before: a repeat delivery or a replay. */
  | { outcome: 'unchanged'; customerId: string; leadId: string }
  | {
      outcome: 'rejected';
      customerId: string;
      leadId: string;
      reason: string;
      existingCustomerId?: string;
    }
  /** The id was registered otherwise (or merged or erased since): its registration said so. */
  | { outcome: 'id_taken'; customerId: string; leadId: string };

type Refusal = { reason: string; existingCustomerId?: string; detail: string };

/**
 * Handles one event of crm.opportunities.v1. Throws a zod error for a conversion that breaks its
 * contract and a PermanentError when the id is spent on another lead: both go to the dead letters.
 */
export async function handleLeadConverted(
  customers: CustomersApplication,
  event: CloudEvent,
): Promise<LeadConversionOutcome> {
  if (event.type !== LEAD_CONVERTED) return { outcome: 'ignored' };
  const { leadId, customerRegistration: request } = leadEventSchemas[LEAD_CONVERTED].parse(
    event.data,
  );
  if (request === null) return { outcome: 'ignored' };
  const { customerId } = request;
  const context: CommandContext = {
    actor: LEAD_CONVERSION_ACTOR,
    correlationId: event.correlationid,
    causationId: event.id,
    ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
  };
  let refusal: Refusal;
  try {
    const write = await customers.register(
      customerId,
      {
        type: 'RegisterCustomer',
        kind: request.kind,
        profile: request.profile,
        phones: request.phones,
        emails: request.emails,
        classification: { lifecycleStage: request.lifecycleStage },
        source: request.source,
        ownerId: request.ownerId,
        leadId,
      },
      context,
    );
    return { outcome: write.changed ? 'registered' : 'unchanged', customerId, leadId };
  } catch (error) {
    const taken = idTaken(error, customerId, leadId);
    if (taken) return taken;
    refusal = refusalOf(error);
  }
  try {
    const write = await customers.execute(
      customerId,
      { type: 'RejectRegistration', leadId, ...refusal },
      context,
    );
    if (!write.changed) return { outcome: 'unchanged', customerId, leadId };
    const { reason, existingCustomerId } = refusal;
    return {
      outcome: 'rejected',
      customerId,
      leadId,
      reason,
      ...(existingCustomerId !== undefined && { existingCustomerId }),
    };
  } catch (error) {
    // Registered in between (its contact was freed and another delivery won): that stands.
    const taken = idTaken(error, customerId, leadId);
    if (taken) return taken;
    throw error;
  }
}

function idTaken(error: unknown, customerId: string, leadId: string) {
  if (!isDomainError(error)) return undefined;
  if (error.code === 'CUSTOMER_ALREADY_REGISTERED') {
    return { outcome: 'id_taken' as const, customerId, leadId };
  }
  // Spent on another lead: ids derived from lead ids never collide, so a person must look.
  if (error.code === 'REGISTRATION_REJECTED') {
    throw new PermanentError(error.code, error.message, { cause: error });
  }
  return undefined;
}

/** Why a registration was refused, or the error again when it is no refusal (retried then). */
function refusalOf(error: unknown): Refusal {
  if (error instanceof ContactTaken) {
    return {
      reason: 'DUPLICATE_CONTACT',
      existingCustomerId: error.existingCustomerId,
      // Kind and holder only: the value is personal data, and no customer exists to erase it from.
      detail: `${error.contact.kind} already belongs to customer ${error.existingCustomerId}`,
    };
  }
  if (isDomainError(error) && error.kind === 'invalid') {
    return { reason: 'INVALID_REGISTRATION', detail: describeInvalid(error) };
  }
  throw error;
}

/** e.g. `INVALID_PHONE phones[1]: invalid_cn_number`; names fields, never their values. */
function describeInvalid(error: DomainError): string {
  const { field, index, reason } = error.details;
  const list = error.code === 'INVALID_PHONE' ? 'phones' : 'emails';
  const where =
    typeof field === 'string' ? field : typeof index === 'number' ? `${list}[${index}]` : undefined;
  const why = typeof reason === 'string' ? reason : undefined;
  return [error.code, where && why ? `${where}: ${why}` : (where ?? why)]
    .filter((part) => part !== undefined)
    .join(' ');
}
