// Whether an id can still be registered, and when asking again is a no-op: a lead's registration
// (and its refusal) may be delivered any number of times, so repeats for the same lead change nothing.
import type { CustomerState } from '../customer.ts';
import { customerError } from '../errors.ts';

/** true: register now; false: already done for this lead; else the refusal is thrown. */
export function requireRegistrable(
  state: CustomerState,
  customerId: string,
  leadId: string | undefined,
): boolean {
  switch (state.status) {
    case 'unregistered':
      return true;
    case 'rejected':
      if (leadId !== undefined && state.leadId === leadId) return false;
      throw customerError(
        'REGISTRATION_REJECTED',
        `customer ${customerId} was refused for lead ${state.leadId} (${state.reason})`,
        {
          customerId,
          leadId: state.leadId,
          reason: state.reason,
          ...(state.existingCustomerId !== undefined && {
            existingCustomerId: state.existingCustomerId,
          }),
        },
      );
    case 'active':
    case 'archived':
      if (leadId !== undefined && state.leadId === leadId) return false;
      break;
    case 'merged':
    case 'erased':
      break;
  }
  throw customerError('CUSTOMER_ALREADY_REGISTERED', `customer ${customerId} already exists`, {
    customerId,
  });
}
