import type { CustomerEvent, CustomerState } from '../customer.ts';
import { requireActive } from '../rules/status.ts';
import { normaliseTags, requireRoomForTags } from '../rules/tags.ts';
import type { CustomerCommandBase } from './command.ts';

export interface TagCustomer extends CustomerCommandBase {
  type: 'TagCustomer';
  tags: readonly string[];
}

/** Adds the tags not already present; tagging with present tags only changes nothing. */
export function tagCustomer(command: TagCustomer, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const tags = normaliseTags(command.tags).filter((tag) => !customer.tags.includes(tag));
  if (tags.length === 0) return [];
  requireRoomForTags(customer.tags, tags);
  return [{ type: 'CustomerTagged', data: { customerId: customer.customerId, tags } }];
}
