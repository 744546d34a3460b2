// Values derived from an opportunity, for read models (pipeline by stage, forecasts) and the API.
// Pure functions of the state: never stored in events, so changing a formula needs no migration.
import type { Money, OpportunityState } from './opportunity.ts';
import { percentOf } from './rules/money.ts';
import { probabilityOf } from './rules/pipeline.ts';

/** The win probability in percent: the stage's while open, 100 when won, 0 when lost. */
export function winProbability(state: OpportunityState): number {
  switch (state.status) {
    case 'unopened':
    case 'lost':
      return 0;
    case 'won':
      return 100;
    case 'open':
      return probabilityOf(state.pipeline, state.stage);
  }
}

/** amount × probability, rounded half-up to the fen (加权金额); undefined before it is opened. */
export function weightedAmount(state: OpportunityState): Money | undefined {
  if (state.status === 'unopened') return undefined;
  return { ...state.amount, amount: percentOf(state.amount.amount, winProbability(state)) };
}

/** The same rule for a read model that keeps amount and probability itself. */
export const weightedValue = (amount: string, probability: number): string =>
  percentOf(amount, probability);
