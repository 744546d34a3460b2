// Which customers a command may act on. Most commands need an active customer; the refusal says
// why not, so the caller can tell "no such customer" from "use the one it was merged into".
import type { DomainError } from '@crm/decider';
import type {
  ActiveCustomer,
  CustomerState,
  RegisteredCustomer,
  RejectedRegistration,
  UnregisteredCustomer,
} from '../customer.ts';
import { customerError } from '../errors.ts';

export function requireActive(state: CustomerState, customerId: string): ActiveCustomer {
  if (state.status === 'active') return state;
  throw unavailable(state, customerId);
}

/** Active or archived: for the commands that bring an archived customer back. */
export function requireRegistered(state: CustomerState, customerId: string): RegisteredCustomer {
  if (state.status === 'active' || state.status === 'archived') return state;
  throw unavailable(state, customerId);
}

/** Any customer that was ever registered: for erasure, which no later fate can prevent. */
export function requireExisting(
  state: CustomerState,
  customerId: string,
): Exclude<CustomerState, UnregisteredCustomer | RejectedRegistration> {
  if (state.status !== 'unregistered' && state.status !== 'rejected') return state;
  throw unavailable(state, customerId);
}

function unavailable(
  state: Exclude<CustomerState, ActiveCustomer>,
  customerId: string,
): DomainError {
  switch (state.status) {
    case 'unregistered':
      return customerError('CUSTOMER_NOT_FOUND', `customer ${customerId} does not exist`, {
        customerId,
      });
    // A refused registration left no customer behind: to everyone but the lead, there is none.
    case 'rejected':
      return customerError('CUSTOMER_NOT_FOUND', `customer ${customerId} does not exist`, {
        customerId,
        registrationRejected: state.reason,
      });
    case 'archived':
      return customerError('CUSTOMER_ARCHIVED', `customer ${customerId} is archived`, {
        customerId,
      });
    case 'merged':
      return customerError(
        'CUSTOMER_MERGED',
        `customer ${customerId} was merged into ${state.mergedInto}`,
        { customerId, mergedInto: state.mergedInto },
      );
    case 'erased':
      return customerError('CUSTOMER_ERASED', `customer ${customerId} was erased`, { customerId });
  }
}
