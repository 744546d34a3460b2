import type { ErasureReason } from '@crm/contracts';
import type { CustomerEvent, CustomerState } from '../customer.ts';
import { requireExisting } from '../rules/status.ts';
import type { CustomerCommandBase } from './command.ts';

/**
 * Forgets the person (PIPL art. 47, GDPR art. 17). Allowed whatever became of the customer,
 * archived or merged included: a person's right to erasure does not wait for a restore.
 */
export interface ErasePersonalData extends CustomerCommandBase {
  type: 'ErasePersonalData';
  reason: ErasureReason;
}

export function erasePersonalData(
  command: ErasePersonalData,
  state: CustomerState,
): CustomerEvent[] {
  const { customerId, reason } = command;
  const customer = requireExisting(state, customerId);
  if (customer.status === 'erased') return [];
  return [{ type: 'PersonalDataErased', data: { customerId, reason } }];
}
