// The boundary between the domain and the wire: each internal event becomes the public event that
// ERP/OA systems and the other services read on crm.opportunities.v1. Spelled out field by field,
// so that changing a domain event never silently changes the contract.
import type { OpportunityPublicEvent } from '@crm/contracts';
import type { LineItem, Money, OpportunityEvent, Pipeline } from './opportunity.ts';

const moneyOf = ({ amount, currency }: Money) => ({ amount, currency });

const lineItemsOf = (lineItems: readonly LineItem[]) =>
  lineItems.map(
    ({ lineId, productId, productName, quantity, unitPrice, discountPercent, netAmount }) => ({
      lineId,
      productId,
      productName,
      quantity,
      unitPrice,
      discountPercent,
      netAmount,
    }),
  );

const pipelineOf = (pipeline: Pipeline) => ({
  pipelineId: pipeline.pipelineId,
  stages: pipeline.stages.map(({ stage, probability }) => ({ stage, probability })),
});

export function toPublicEvent(event: OpportunityEvent): OpportunityPublicEvent {
  switch (event.type) {
    case 'OpportunityOpened': {
      const { opportunityId, customerId, name, ownerId, team, amount, lineItems } = event.data;
      const { expectedCloseDate, stage, probability, pipeline, sourceCampaignId, leadId } =
        event.data;
      return {
        type: 'crm.opportunity.opened.v1',
        data: {
          opportunityId,
          customerId,
          name,
          ownerId,
          team,
          amount: moneyOf(amount),
          lineItems: lineItemsOf(lineItems),
          expectedCloseDate,
          stage,
          probability,
          pipeline: pipelineOf(pipeline),
          ...(sourceCampaignId !== undefined && { sourceCampaignId }),
          ...(leadId !== undefined && { leadId }),
        },
      };
    }
    case 'StageChanged': {
      const { opportunityId, stage, previousStage, probability } = event.data;
      return {
        type: 'crm.opportunity.stage_changed.v1',
        data: { opportunityId, stage, previousStage, probability },
      };
    }
    case 'LineItemsUpdated': {
      const { opportunityId, lineItems, amount } = event.data;
      return {
        type: 'crm.opportunity.line_items_updated.v1',
        data: { opportunityId, lineItems: lineItemsOf(lineItems), amount: moneyOf(amount) },
      };
    }
    case 'AmountUpdated': {
      const { opportunityId, amount, previousAmount } = event.data;
      return {
        type: 'crm.opportunity.amount_updated.v1',
        data: { opportunityId, amount: moneyOf(amount), previousAmount: moneyOf(previousAmount) },
      };
    }
    case 'ExpectedCloseChanged': {
      const { opportunityId, expectedCloseDate, previousExpectedCloseDate } = event.data;
      return {
        type: 'crm.opportunity.expected_close_changed.v1',
        data: { opportunityId, expectedCloseDate, previousExpectedCloseDate },
      };
    }
    case 'CompetitorNoted': {
      const { opportunityId, competitor } = event.data;
      const { name, strengths, weaknesses } = competitor;
      return {
        type: 'crm.opportunity.competitor_noted.v1',
        data: {
          opportunityId,
          competitor: {
            name,
            ...(strengths !== undefined && { strengths }),
            ...(weaknesses !== undefined && { weaknesses }),
          },
        },
      };
    }
    case 'OpportunityOwnerAssigned': {
      const { opportunityId, ownerId, previousOwnerId, team, previousTeam } = event.data;
      return {
        type: 'crm.opportunity.owner_assigned.v1',
        data: { opportunityId, ownerId, previousOwnerId, team, previousTeam },
      };
    }
    case 'OpportunityWon': {
      const { opportunityId, customerId, ownerId, team, amount, stage } = event.data;
      const { sourceCampaignId, closedAt } = event.data;
      return {
        type: 'crm.opportunity.won.v1',
        data: {
          opportunityId,
          customerId,
          ownerId,
          team,
          amount: moneyOf(amount),
          stage,
          ...(sourceCampaignId !== undefined && { sourceCampaignId }),
          closedAt,
        },
      };
    }
    case 'OpportunityLost': {
      const { opportunityId, customerId, ownerId, team, reason, competitor, note } = event.data;
      const { stage, closedAt } = event.data;
      return {
        type: 'crm.opportunity.lost.v1',
        data: {
          opportunityId,
          customerId,
          ownerId,
          team,
          reason,
          ...(competitor !== undefined && { competitor }),
          ...(note !== undefined && { note }),
          stage,
          closedAt,
        },
      };
    }
    case 'OpportunityReopened': {
      const { opportunityId, reason, stage, probability, previousStatus } = event.data;
      return {
        type: 'crm.opportunity.reopened.v1',
        data: { opportunityId, reason, stage, probability, previousStatus },
      };
    }
    case 'OpportunityCustomerChanged': {
      const { opportunityId, previousCustomerId, customerId, reason } = event.data;
      const { changedBy, changedAt } = event.data;
      return {
        type: 'crm.opportunity.customer_changed.v1',
        data: { opportunityId, previousCustomerId, customerId, reason, changedBy, changedAt },
      };
    }
  }
}
