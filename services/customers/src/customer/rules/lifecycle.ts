// Where a relationship can go next. Forward through the funnel, back and forth between customer
// and at_risk, anything can be lost, and a lost customer can be won back.
//
//   lead ──> prospect ──> customer <──> at_risk
//     └──────────────────────^   (a lead may buy at first contact)
//   every stage ──> lost ──> prospect | customer   (win back)
import type { LifecycleStage } from '@crm/contracts';
import { customerError } from '../errors.ts';

export const lifecycleTransitions: Readonly<Record<LifecycleStage, readonly LifecycleStage[]>> = {
  lead: ['prospect', 'customer', 'lost'],
  prospect: ['customer', 'lost'],
  customer: ['at_risk', 'lost'],
  at_risk: ['customer', 'lost'],
  lost: ['prospect', 'customer'],
};

export function requireLifecycleTransition(from: LifecycleStage, to: LifecycleStage): void {
  if (lifecycleTransitions[from].includes(to)) return;
  throw customerError('ILLEGAL_LIFECYCLE_TRANSITION', `cannot move from ${from} to ${to}`, {
    from,
    to,
  });
}
