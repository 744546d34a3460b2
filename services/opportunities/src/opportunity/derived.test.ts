import { fold } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import { weightedAmount, weightedValue, winProbability } from './derived.ts';
import { evolve, initialState, type OpportunityEvent } from './opportunity.ts';
import { aLoss, anOpenedOpportunity, aWin, ids } from './fixtures.ts';

const stateOf = (...events: OpportunityEvent[]) => fold({ initialState, evolve }, events);
const toStage = (stage: string, probability: number): OpportunityEvent => ({
  type: 'StageChanged',
  data: { opportunityId: ids.opportunity, stage, previousStage: 'qualification', probability },
});

describe('derived values', () => {
  it('weights the amount by the probability of the stage', () => {
    const open = stateOf(anOpenedOpportunity());
    expect(winProbability(open)).toBe(10);
    expect(weightedAmount(open)).toEqual({ amount: '9000.00', currency: 'CNY' });
    const negotiating = stateOf(anOpenedOpportunity(), toStage('negotiation', 80));
    expect(weightedAmount(negotiating)).toEqual({ amount: '72000.00', currency: 'CNY' });
  });

  it('counts a won deal in full at its actual amount and a lost one as nothing', () => {
    expect(winProbability(stateOf(anOpenedOpportunity(), aWin()))).toBe(100);
    expect(weightedAmount(stateOf(anOpenedOpportunity(), aWin()))?.amount).toBe('88000.00');
    expect(winProbability(stateOf(anOpenedOpportunity(), aLoss()))).toBe(0);
    expect(weightedAmount(stateOf(anOpenedOpportunity(), aLoss()))?.amount).toBe('0.00');
  });

  it('rounds the weighted amount half-up to the fen', () => {
    expect(weightedValue('33.35', 10)).toBe('3.34'); // 3.335
    expect(weightedValue('0.05', 50)).toBe('0.03'); // 0.025
    expect(weightedValue('100.00', 0)).toBe('0.00');
  });

  it('has nothing to weigh before the opportunity is opened', () => {
    expect(winProbability(initialState)).toBe(0);
    expect(weightedAmount(initialState)).toBeUndefined();
  });
});
