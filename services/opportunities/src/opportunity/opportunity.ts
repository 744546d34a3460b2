// The Opportunity aggregate (商机): the facts it records (internal events), what it remembers of
// them (state, one shape per status) and how each fact changes that memory (evolve). The public
// events on crm.opportunities.v1 are mapped from these in public-events.ts.
import type { DomainEvent } from '@crm/decider';
import type {
  Competitor,
  CustomerChangeReason,
  LineItem,
  LossReason,
  Money,
  Pipeline,
} from './values.ts';

export type {
  Competitor,
  CustomerChangeReason,
  LineItem,
  LossReason,
  Money,
  Pipeline,
  PipelineStage,
} from './values.ts';

type Fact<Type extends string, Data> = DomainEvent<Type, { opportunityId: string } & Data>;

export type OpportunityOpened = Fact<
  'OpportunityOpened',
  {
    customerId: string;
    name: string;
    ownerId: string;
    team: string;
    amount: Money;
    lineItems: LineItem[];
    /** YYYY-MM-DD. */
    expectedCloseDate: string;
    stage: string;
    probability: number;
    pipeline: Pipeline;
    sourceCampaignId?: string;
    leadId?: string;
  }
>;
export type StageChanged = Fact<
  'StageChanged',
  { stage: string; previousStage: string; probability: number }
>;
export type LineItemsUpdated = Fact<'LineItemsUpdated', { lineItems: LineItem[]; amount: Money }>;
export type AmountUpdated = Fact<'AmountUpdated', { amount: Money; previousAmount: Money }>;
export type ExpectedCloseChanged = Fact<
  'ExpectedCloseChanged',
  { expectedCloseDate: string; previousExpectedCloseDate: string }
>;
export type CompetitorNoted = Fact<'CompetitorNoted', { competitor: Competitor }>;
export type OpportunityOwnerAssigned = Fact<
  'OpportunityOwnerAssigned',
  { ownerId: string; previousOwnerId: string; team: string; previousTeam: string }
>;
/** Carries who and what it is for, so attribution and sales performance need no other event. */
export type OpportunityWon = Fact<
  'OpportunityWon',
  {
    customerId: string;
    ownerId: string;
    team: string;
    /** The actual deal value; it becomes the opportunity's amount. */
    amount: Money;
    /** The open stage it was won from. */
    stage: string;
    sourceCampaignId?: string;
    closedAt: string;
  }
>;
export type OpportunityLost = Fact<
  'OpportunityLost',
  {
    customerId: string;
    ownerId: string;
    team: string;
    reason: LossReason;
    competitor?: string;
    note?: string;
    /** The open stage it was lost from. */
    stage: string;
    closedAt: string;
  }
>;
/** The deal is with another customer from now on (the one it was opened for was never registered). */
export type OpportunityCustomerChanged = Fact<
  'OpportunityCustomerChanged',
  {
    customerId: string;
    previousCustomerId: string;
    reason: CustomerChangeReason;
    changedBy: string;
    changedAt: string;
  }
>;
export type OpportunityReopened = Fact<
  'OpportunityReopened',
  { reason: string; stage: string; probability: number; previousStatus: 'won' | 'lost' }
>;

export type OpportunityEvent =
  | OpportunityOpened
  | StageChanged
  | LineItemsUpdated
  | AmountUpdated
  | ExpectedCloseChanged
  | CompetitorNoted
  | OpportunityOwnerAssigned
  | OpportunityWon
  | OpportunityLost
  | OpportunityReopened
  | OpportunityCustomerChanged;

/** What an opened opportunity remembers: what decisions and the derived values need. */
export interface OpportunityRecord {
  opportunityId: string;
  customerId: string;
  name: string;
  ownerId: string;
  team: string;
  amount: Money;
  lineItems: readonly LineItem[];
  expectedCloseDate: string;
  /** The open stage it is in, or was in when it closed. */
  stage: string;
  pipeline: Pipeline;
  competitors: readonly Competitor[];
  sourceCampaignId?: string;
  leadId?: string;
}

export type UnopenedOpportunity = { status: 'unopened' };
export type OpenOpportunity = OpportunityRecord & { status: 'open' };
export type WonOpportunity = OpportunityRecord & { status: 'won'; closedAt: string };
export type LostOpportunity = OpportunityRecord & {
  status: 'lost';
  lossReason: LossReason;
  closedAt: string;
};

export type OpportunityState =
  UnopenedOpportunity | OpenOpportunity | WonOpportunity | LostOpportunity;

export type OpenedOpportunity = Exclude<OpportunityState, UnopenedOpportunity>;
export type ClosedOpportunity = WonOpportunity | LostOpportunity;

export const initialState: OpportunityState = { status: 'unopened' };

export function evolve(state: OpportunityState, event: OpportunityEvent): OpportunityState {
  if (event.type === 'OpportunityOpened') {
    const { probability: _probability, ...record } = event.data;
    return { status: 'open', ...record, competitors: [] };
  }
  return state.status === 'unopened' ? state : evolveOpened(state, event);
}

function evolveOpened(
  opportunity: OpenedOpportunity,
  event: Exclude<OpportunityEvent, OpportunityOpened>,
): OpportunityState {
  switch (event.type) {
    case 'StageChanged':
      return { ...opportunity, stage: event.data.stage };
    case 'LineItemsUpdated':
      return { ...opportunity, lineItems: event.data.lineItems, amount: event.data.amount };
    case 'AmountUpdated':
      return { ...opportunity, amount: event.data.amount };
    case 'ExpectedCloseChanged':
      return { ...opportunity, expectedCloseDate: event.data.expectedCloseDate };
    case 'CompetitorNoted': {
      const { competitor } = event.data;
      const others = opportunity.competitors.filter((known) => known.name !== competitor.name);
      const replaced = others.length < opportunity.competitors.length;
      const competitors = replaced
        ? opportunity.competitors.map((known) =>
            known.name === competitor.name ? competitor : known,
          )
        : [...opportunity.competitors, competitor];
      return { ...opportunity, competitors };
    }
    case 'OpportunityOwnerAssigned':
      return { ...opportunity, ownerId: event.data.ownerId, team: event.data.team };
    case 'OpportunityCustomerChanged':
      return { ...opportunity, customerId: event.data.customerId };
    case 'OpportunityWon':
      return {
        ...recordOf(opportunity),
        status: 'won',
        amount: event.data.amount,
        closedAt: event.data.closedAt,
      };
    case 'OpportunityLost':
      return {
        ...recordOf(opportunity),
        status: 'lost',
        lossReason: event.data.reason,
        closedAt: event.data.closedAt,
      };
    case 'OpportunityReopened':
      return { ...recordOf(opportunity), status: 'open', stage: event.data.stage };
  }
}

function recordOf(opportunity: OpenedOpportunity): OpportunityRecord {
  switch (opportunity.status) {
    case 'open': {
      const { status: _status, ...record } = opportunity;
      return record;
    }
    case 'won': {
      const { status: _status, closedAt: _closedAt, ...record } = opportunity;
      return record;
    }
    case 'lost': {
      const { status: _status, closedAt: _closedAt, lossReason: _reason, ...record } = opportunity;
      return record;
    }
  }
}
