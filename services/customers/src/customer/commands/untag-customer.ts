import type { CustomerEvent, CustomerState } from '../customer.ts';
import { requireActive } from '../rules/status.ts';
import type { CustomerCommandBase } from './command.ts';

export interface UntagCustomer extends CustomerCommandBase {
  type: 'UntagCustomer';
  tags: readonly string[];
}

/** Removes the tags that are present; removing absent tags only changes nothing. */
export function untagCustomer(command: UntagCustomer, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const requested = new Set(command.tags.map((tag) => tag.trim()));
  const tags = customer.tags.filter((tag) => requested.has(tag));
  if (tags.length === 0) return [];
  return [{ type: 'CustomerUntagged', data: { customerId: customer.customerId, tags } }];
}
