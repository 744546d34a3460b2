import type { CustomerEvent, CustomerState } from '../customer.ts';
import { requireActive } from '../rules/status.ts';
import { requiredText } from '../rules/text.ts';
import type { CustomerCommandBase } from './command.ts';

/** Takes the customer out of daily work; it stays in history and reports, and can be restored. */
export interface ArchiveCustomer extends CustomerCommandBase {
  type: 'ArchiveCustomer';
  reason: string;
}

export function archiveCustomer(command: ArchiveCustomer, state: CustomerState): CustomerEvent[] {
  if (state.status === 'archived') return [];
  const customer = requireActive(state, command.customerId);
  const reason = requiredText('reason', command.reason, 500);
  return [{ type: 'CustomerArchived', data: { customerId: customer.customerId, reason } }];
}
