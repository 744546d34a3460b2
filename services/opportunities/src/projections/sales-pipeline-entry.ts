// What one opportunity adds to the pipeline figures: its owner's and its team's bucket for its
// stage (won / lost once closed) and currency, with its amount and weighted amount.
import { weightedValue } from '../opportunity/derived.ts';
import type { OpportunityEvent } from '../opportunity/opportunity.ts';

export interface PipelineEntry {
  _id: string;
  ownerId: string;
  team: string;
  status: 'open' | 'won' | 'lost';
  stage: string;
  probability: number;
  amount: string;
  currency: string;
}

export interface Contribution {
  bucketId: string;
  scope: 'owner' | 'team';
  key: string;
  stage: string;
  currency: string;
  amount: string;
  weightedAmount: string;
}

export const bucketIdOf = (scope: string, key: string, stage: string, currency: string) =>
  `${scope}|${key}|${stage}|${currency}`;

export function contributionsOf(entry: PipelineEntry | null): Contribution[] {
  if (entry === null) return [];
  const stage = entry.status === 'open' ? entry.stage : entry.status;
  const amounts = {
    stage,
    currency: entry.currency,
    amount: entry.amount,
    weightedAmount: weightedValue(entry.amount, entry.probability),
  };
  return [
    {
      bucketId: bucketIdOf('owner', entry.ownerId, stage, entry.currency),
      scope: 'owner',
      key: entry.ownerId,
      ...amounts,
    },
    {
      bucketId: bucketIdOf('team', entry.team, stage, entry.currency),
      scope: 'team',
      key: entry.team,
      ...amounts,
    },
  ];
}

export function evolveEntry(
  entry: PipelineEntry | null,
  event: OpportunityEvent,
): PipelineEntry | null {
  if (event.type === 'OpportunityOpened') {
    const { opportunityId, ownerId, team, stage, probability, amount } = event.data;
    return {
      _id: opportunityId,
      ownerId,
      team,
      status: 'open',
      stage,
      probability,
      amount: amount.amount,
      currency: amount.currency,
    };
  }
  if (entry === null) return null;
  switch (event.type) {
    case 'StageChanged':
      return { ...entry, stage: event.data.stage, probability: event.data.probability };
    case 'LineItemsUpdated':
    case 'AmountUpdated':
      return { ...entry, amount: event.data.amount.amount };
    case 'OpportunityOwnerAssigned':
      return { ...entry, ownerId: event.data.ownerId, team: event.data.team };
    case 'OpportunityWon':
      return { ...entry, status: 'won', probability: 100, amount: event.data.amount.amount };
    case 'OpportunityLost':
      return { ...entry, status: 'lost', probability: 0 };
    case 'OpportunityReopened':
      return {
        ...entry,
        status: 'open',
        stage: event.data.stage,
        probability: event.data.probability,
      };
    case 'ExpectedCloseChanged':
    case 'CompetitorNoted':
    case 'OpportunityCustomerChanged':
      return entry;
  }
}
