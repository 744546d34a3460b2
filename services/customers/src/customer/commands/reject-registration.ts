import type { CustomerEvent, CustomerState } from '../customer.ts';
import { invalidField } from '../errors.ts';
import { requireRegistrable } from '../rules/registration.ts';
import { optionalText, requiredText } from '../rules/text.ts';
import type { CustomerCommandBase } from './command.ts';

/**
 * Records that the registration a converted lead asked for was refused (a duplicate contact,
 * invalid data). The id is spent: the stream holds the refusal, so the lead can be told why, and
 * the same refusal, or the lead's registration, arriving again changes nothing.
 */
export interface RejectRegistration extends CustomerCommandBase {
  type: 'RejectRegistration';
  leadId: string;
  /** A stable UPPER_SNAKE code: DUPLICATE_CONTACT, INVALID_REGISTRATION... */
  reason: string;
  /** For a duplicate contact: the customer that holds it. */
  existingCustomerId?: string;
  /** For people; never personal data (there is no customer to erase it from). */
  detail?: string;
}

const REASON = /^[A-Z][A-Z0-9_]*$/;

export function rejectRegistration(
  command: RejectRegistration,
  state: CustomerState,
): CustomerEvent[] {
  const { customerId, reason } = command;
  const leadId = requiredText('leadId', command.leadId, 100);
  if (!REASON.test(reason)) throw invalidField('reason', 'malformed', { value: reason });
  if (reason.length > 100) throw invalidField('reason', 'too_long', { max: 100 });
  const existingCustomerId = optionalText('existingCustomerId', command.existingCustomerId, 100);
  const detail = optionalText('detail', command.detail, 1000);
  // Done for this lead (refused, or registered after all): nothing; anyone else's id: a conflict.
  if (!requireRegistrable(state, customerId, leadId)) return [];
  return [
    {
      type: 'RegistrationRejected',
      data: {
        customerId,
        leadId,
        reason,
        ...(existingCustomerId !== undefined && { existingCustomerId }),
        ...(detail !== undefined && { detail }),
        rejectedAt: new Date(command.at).toISOString(),
      },
    },
  ];
}
