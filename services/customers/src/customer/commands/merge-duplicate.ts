import type { CustomerEvent, CustomerState } from '../customer.ts';
import { customerError } from '../errors.ts';
import { requireActive } from '../rules/status.ts';
import type { CustomerCommandBase } from './command.ts';

/**
 * Closes this customer as a duplicate of the survivor. The second half of a merge: the survivor
 * absorbs the duplicate first (AbsorbDuplicate), so a merge interrupted in between is finished by
 * running both again; each half changes nothing the second time.
 */
export interface MergeDuplicate extends CustomerCommandBase {
  type: 'MergeDuplicate';
  survivorId: string;
}

export function mergeDuplicate(command: MergeDuplicate, state: CustomerState): CustomerEvent[] {
  const { customerId, survivorId } = command;
  if (state.status === 'merged' && state.mergedInto === survivorId) return [];
  requireActive(state, customerId);
  if (survivorId === customerId) {
    throw customerError(
      'CANNOT_MERGE_INTO_SELF',
      `customer ${customerId} cannot merge into itself`,
      {
        customerId,
      },
    );
  }
  return [{ type: 'MergedInto', data: { customerId, mergedInto: survivorId } }];
}
