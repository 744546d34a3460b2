// The opportunity as people read it: one pure fold over its events. The `sales_opportunities`
// read model stores it and `?asOf=` folds it from the log, so then and now have the same shape.
import type {
  Competitor,
  LineItem,
  LossReason,
  OpportunityEvent,
  PipelineStage,
} from '../opportunity/opportunity.ts';
import { weightedValue } from '../opportunity/derived.ts';

export type OpportunityStatus = 'open' | 'won' | 'lost';

export interface StageStep {
  stage: string;
  probability: number;
  at: string;
  actor: string;
}

export type OpportunityView = {
  _id: string;
  name: string;
  customerId: string;
  ownerId: string;
  team: string;
  status: OpportunityStatus;
  /** The open stage it is in, or was closed from. */
  stage: string;
  /** Win probability now: the stage's while open, 100 won, 0 lost. */
  probability: number;
  /** Decimal strings in major units, never floats. */
  amount: string;
  weightedAmount: string;
  currency: string;
  lineItems: LineItem[];
  /** YYYY-MM-DD. */
  expectedCloseDate: string;
  competitors: Competitor[];
  pipelineId: string;
  stages: PipelineStage[];
  sourceCampaignId: string | null;
  leadId: string | null;
  lossReason: LossReason | null;
  lossCompetitor: string | null;
  lossNote: string | null;
  closedAt: string | null;
  /** Every stage it went through, the closing included, oldest first. */
  stageHistory: StageStep[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** The stream revision this view reflects (the ETag; what `waitForRevision` awaits). */
  revision: number;
};

export interface EventContext {
  recordedAt: string;
  revision: number;
  actor: string;
}

const weigh = (view: OpportunityView, changes: Partial<OpportunityView>): OpportunityView => {
  const next = { ...view, ...changes };
  return { ...next, weightedAmount: weightedValue(next.amount, next.probability) };
};

export function evolveOpportunityView(
  view: OpportunityView | null,
  event: OpportunityEvent,
  context: EventContext,
): OpportunityView | null {
  const stamp = { updatedAt: context.recordedAt, revision: context.revision };
  const step = (stage: string, probability: number): StageStep => ({
    stage,
    probability,
    at: context.recordedAt,
    actor: context.actor,
  });
  if (event.type === 'OpportunityOpened') {
    const data = event.data;
    return {
      _id: data.opportunityId,
      name: data.name,
      customerId: data.customerId,
      ownerId: data.ownerId,
      team: data.team,
      status: 'open',
      stage: data.stage,
      probability: data.probability,
      amount: data.amount.amount,
      weightedAmount: weightedValue(data.amount.amount, data.probability),
      currency: data.amount.currency,
      lineItems: data.lineItems,
      expectedCloseDate: data.expectedCloseDate,
      competitors: [],
      pipelineId: data.pipeline.pipelineId,
      stages: [...data.pipeline.stages],
      sourceCampaignId: data.sourceCampaignId ?? null,
      leadId: data.leadId ?? null,
      lossReason: null,
      lossCompetitor: null,
      lossNote: null,
      closedAt: null,
      stageHistory: [step(data.stage, data.probability)],
      createdAt: context.recordedAt,
      createdBy: context.actor,
      ...stamp,
    };
  }
  if (view === null) return null;
  switch (event.type) {
    case 'StageChanged': {
      const { stage, probability } = event.data;
      const stageHistory = [...view.stageHistory, step(stage, probability)];
      return weigh(view, { stage, probability, stageHistory, ...stamp });
    }
    case 'LineItemsUpdated':
      return weigh(view, {
        lineItems: event.data.lineItems,
        amount: event.data.amount.amount,
        ...stamp,
      });
    case 'AmountUpdated':
      return weigh(view, { amount: event.data.amount.amount, ...stamp });
    case 'ExpectedCloseChanged':
      return { ...view, expectedCloseDate: event.data.expectedCloseDate, ...stamp };
    case 'CompetitorNoted': {
      const { competitor } = event.data;
      const known = view.competitors.some(({ name }) => name === competitor.name);
      const competitors = known
        ? view.competitors.map((other) => (other.name === competitor.name ? competitor : other))
        : [...view.competitors, competitor];
      return { ...view, competitors, ...stamp };
    }
    case 'OpportunityOwnerAssigned':
      return { ...view, ownerId: event.data.ownerId, team: event.data.team, ...stamp };
    case 'OpportunityCustomerChanged':
      return { ...view, customerId: event.data.customerId, ...stamp };
    case 'OpportunityWon':
      return weigh(view, {
        status: 'won',
        probability: 100,
        amount: event.data.amount.amount,
        closedAt: event.data.closedAt,
        stageHistory: [...view.stageHistory, step('won', 100)],
        ...stamp,
      });
    case 'OpportunityLost':
      return weigh(view, {
        status: 'lost',
        probability: 0,
        lossReason: event.data.reason,
        lossCompetitor: event.data.competitor ?? null,
        lossNote: event.data.note ?? null,
        closedAt: event.data.closedAt,
        stageHistory: [...view.stageHistory, step('lost', 0)],
        ...stamp,
      });
    case 'OpportunityReopened': {
      const { stage, probability } = event.data;
      return weigh(view, {
        status: 'open',
        stage,
        probability,
        lossReason: null,
        lossCompetitor: null,
        lossNote: null,
        closedAt: null,
        stageHistory: [...view.stageHistory, step(stage, probability)],
        ...stamp,
      });
    }
  }
}
