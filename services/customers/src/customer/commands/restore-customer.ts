import type { CustomerEvent, CustomerState } from '../customer.ts';
import { requireRegistered } from '../rules/status.ts';
import type { CustomerCommandBase } from './command.ts';

export interface RestoreCustomer extends CustomerCommandBase {
  type: 'RestoreCustomer';
}

export function restoreCustomer(command: RestoreCustomer, state: CustomerState): CustomerEvent[] {
  const customer = requireRegistered(state, command.customerId);
  if (customer.status === 'active') return [];
  return [{ type: 'CustomerRestored', data: { customerId: customer.customerId } }];
}
