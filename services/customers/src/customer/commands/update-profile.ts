import type { CustomerProfileChanges } from '@crm/contracts';
import type { CustomerEvent, CustomerState } from '../customer.ts';
import { changedFields, isEmpty } from '../rules/changes.ts';
import { normaliseProfileChanges } from '../rules/profile.ts';
import { requireActive } from '../rules/status.ts';
import type { CustomerCommandBase } from './command.ts';

export interface UpdateProfile extends CustomerCommandBase {
  type: 'UpdateProfile';
  /** Only the fields to change: a value sets the field, null clears it. */
  changes: CustomerProfileChanges;
}

export function updateProfile(command: UpdateProfile, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const requested = normaliseProfileChanges(customer.kind, command.changes, command.at);
  const changes = changedFields(customer.profile, requested);
  if (isEmpty(changes)) return [];
  return [{ type: 'ProfileUpdated', data: { customerId: customer.customerId, changes } }];
}
