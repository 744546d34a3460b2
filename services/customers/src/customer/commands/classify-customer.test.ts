import type { LifecycleStage } from '@crm/contracts';
import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { customerDecider } from '../decide.ts';
import { aCommand, aRegisteredCustomer, ids } from '../fixtures.ts';
import { lifecycleTransitions } from '../rules/lifecycle.ts';

const { given } = specification(customerDecider);

const stages = Object.keys(lifecycleTransitions) as LifecycleStage[];
const pairs = stages.flatMap((from) => stages.map((to) => [from, to] as const));
const legal = pairs.filter(([from, to]) => lifecycleTransitions[from].includes(to));
const illegal = pairs.filter(
  ([from, to]) => from !== to && !lifecycleTransitions[from].includes(to),
);
const at = (lifecycleStage: LifecycleStage) =>
  aRegisteredCustomer({ classification: { lifecycleStage } });

describe('ClassifyCustomer', () => {
  it('records the size and value tier that change', () => {
    given(aRegisteredCustomer({ classification: { lifecycleStage: 'customer', size: 'small' } }))
      .when(aCommand('ClassifyCustomer', { changes: { size: 'medium', valueTier: 'B' } }))
      .then({
        type: 'CustomerClassified',
        data: { customerId: ids.customer, changes: { size: 'medium', valueTier: 'B' } },
      });
  });

  it('clears the value tier with null', () => {
    given(aRegisteredCustomer({ classification: { lifecycleStage: 'customer', valueTier: 'C' } }))
      .when(aCommand('ClassifyCustomer', { changes: { valueTier: null } }))
      .then({
        type: 'CustomerClassified',
        data: { customerId: ids.customer, changes: { valueTier: null } },
      });
  });

  it('changes nothing when the classification is the one already there', () => {
    given(aRegisteredCustomer({ classification: { lifecycleStage: 'lost', valueTier: 'D' } }))
      .when(
        aCommand('ClassifyCustomer', {
          changes: { lifecycleStage: 'lost', valueTier: 'D', size: null },
        }),
      )
      .thenNothingHappens();
  });

  it.each(legal)('moves the lifecycle from %s to %s', (from, to) => {
    given(at(from))
      .when(aCommand('ClassifyCustomer', { changes: { lifecycleStage: to } }))
      .then({
        type: 'CustomerClassified',
        data: { customerId: ids.customer, changes: { lifecycleStage: to } },
      });
  });

  it.each(illegal)('refuses %s -> %s: ILLEGAL_LIFECYCLE_TRANSITION', (from, to) => {
    given(at(from))
      .when(aCommand('ClassifyCustomer', { changes: { lifecycleStage: to, valueTier: 'A' } }))
      .thenThrows('ILLEGAL_LIFECYCLE_TRANSITION', { from, to });
  });

  it.each<[LifecycleStage, LifecycleStage]>([
    ['lead', 'customer'], // bought at first contact
    ['at_risk', 'customer'], // saved
    ['lost', 'prospect'], // won back
  ])('allows %s -> %s, as sales teams work', (from, to) => {
    given(at(from))
      .when(aCommand('ClassifyCustomer', { changes: { lifecycleStage: to } }))
      .then({
        type: 'CustomerClassified',
        data: { customerId: ids.customer, changes: { lifecycleStage: to } },
      });
  });

  it.each<[LifecycleStage, LifecycleStage]>([
    ['prospect', 'lead'],
    ['customer', 'prospect'],
    ['lead', 'at_risk'],
    ['lost', 'at_risk'],
  ])('never allows %s -> %s: ILLEGAL_LIFECYCLE_TRANSITION', (from, to) => {
    given(at(from))
      .when(aCommand('ClassifyCustomer', { changes: { lifecycleStage: to } }))
      .thenThrows('ILLEGAL_LIFECYCLE_TRANSITION', { from, to });
  });

  it('follows the stage it moved to', () => {
    given(at('prospect'), {
      type: 'CustomerClassified',
      data: { customerId: ids.customer, changes: { lifecycleStage: 'customer' } },
    })
      .when(aCommand('ClassifyCustomer', { changes: { lifecycleStage: 'at_risk' } }))
      .then({
        type: 'CustomerClassified',
        data: { customerId: ids.customer, changes: { lifecycleStage: 'at_risk' } },
      });
  });
});
