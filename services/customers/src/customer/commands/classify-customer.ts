import type { ClassificationChanges, CustomerEvent, CustomerState } from '../customer.ts';
import { changedFields, isEmpty } from '../rules/changes.ts';
import { requireLifecycleTransition } from '../rules/lifecycle.ts';
import { requireActive } from '../rules/status.ts';
import type { CustomerCommandBase } from './command.ts';

export interface ClassifyCustomer extends CustomerCommandBase {
  type: 'ClassifyCustomer';
  /** Size, value tier and/or lifecycle stage; null clears size or value tier. */
  changes: ClassificationChanges;
}

export function classifyCustomer(command: ClassifyCustomer, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const changes = changedFields(customer.classification, command.changes);
  if (isEmpty(changes)) return [];
  if (changes.lifecycleStage) {
    requireLifecycleTransition(customer.classification.lifecycleStage, changes.lifecycleStage);
  }
  return [{ type: 'CustomerClassified', data: { customerId: customer.customerId, changes } }];
}
