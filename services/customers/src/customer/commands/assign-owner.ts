import type { CustomerEvent, CustomerState } from '../customer.ts';
import { requireActive } from '../rules/status.ts';
import { requiredText } from '../rules/text.ts';
import type { CustomerCommandBase } from './command.ts';

export interface AssignOwner extends CustomerCommandBase {
  type: 'AssignOwner';
  /** The user who becomes responsible; null returns the customer to the shared pool (公海). */
  ownerId: string | null;
}

export function assignOwner(command: AssignOwner, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const ownerId = command.ownerId === null ? null : requiredText('ownerId', command.ownerId, 100);
  if (ownerId === customer.ownerId) return [];
  const previousOwnerId = customer.ownerId;
  return [
    { type: 'OwnerAssigned', data: { customerId: customer.customerId, ownerId, previousOwnerId } },
  ];
}
