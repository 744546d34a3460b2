import type {
  LineItem,
  Money,
  OpportunityEvent,
  OpportunityState,
  Pipeline,
} from '../opportunity.ts';
import { invalidField, opportunityError } from '../errors.ts';
import {
  normaliseAmount,
  normaliseCurrency,
  requireRepresentable,
} from '../rules/amount-fields.ts';
import { normaliseDate } from '../rules/dates.ts';
import { normaliseLineItems, type LineItemInput } from '../rules/line-items.ts';
import { compareAmounts, sumAmounts } from '../rules/money.ts';
import { normalisePipeline, requireOpenStage } from '../rules/pipeline.ts';
import { optionalText, requiredText } from '../rules/text.ts';
import type { OpportunityCommandBase } from './command.ts';

export interface OpenOpportunity extends OpportunityCommandBase {
  type: 'OpenOpportunity';
  customerId: string;
  name: string;
  ownerId: string;
  team: string;
  /** ISO 4217; CNY when absent. */
  currency?: string;
  /** Without line items: the expected value ("0.00" when absent). With them: their sum, if given. */
  amount?: string;
  lineItems?: readonly LineItemInput[];
  /** YYYY-MM-DD. */
  expectedCloseDate: string;
  /** The tenant's pipeline as configured now (defaultPipeline unless changed); kept as a snapshot. */
  pipeline: Pipeline;
  /** The open stage to start in; the first of the pipeline when absent. */
  stage?: string;
  sourceCampaignId?: string;
  /** Set when a lead is converted into this opportunity. */
  leadId?: string;
}

export function openOpportunity(
  command: OpenOpportunity,
  state: OpportunityState,
): OpportunityEvent[] {
  const { opportunityId } = command;
  if (state.status !== 'unopened') {
    throw opportunityError(
      'OPPORTUNITY_ALREADY_OPENED',
      `opportunity ${opportunityId} already exists`,
      { opportunityId },
    );
  }
  const pipeline = normalisePipeline(command.pipeline);
  const firstStage = pipeline.stages[0]?.stage ?? '';
  const { stage, probability } = requireOpenStage(pipeline, command.stage ?? firstStage);
  const lineItems = normaliseLineItems(command.lineItems);
  const amount = openingAmount(normaliseCurrency(command.currency), command.amount, lineItems);
  const sourceCampaignId = optionalText('sourceCampaignId', command.sourceCampaignId, 100);
  const leadId = optionalText('leadId', command.leadId, 100);
  return [
    {
      type: 'OpportunityOpened',
      data: {
        opportunityId,
        customerId: requiredText('customerId', command.customerId, 100),
        name: requiredText('name', command.name, 200),
        ownerId: requiredText('ownerId', command.ownerId, 100),
        team: requiredText('team', command.team, 100),
        amount,
        lineItems,
        expectedCloseDate: normaliseDate('expectedCloseDate', command.expectedCloseDate),
        stage,
        probability,
        pipeline,
        ...(sourceCampaignId !== undefined && { sourceCampaignId }),
        ...(leadId !== undefined && { leadId }),
      },
    },
  ];
}

function openingAmount(
  currency: string,
  given: string | undefined,
  lineItems: readonly LineItem[],
): Money {
  const amount = given === undefined ? undefined : normaliseAmount('amount', given);
  if (lineItems.length === 0) return { amount: amount ?? '0.00', currency };
  const total = sumAmounts(lineItems.map((line) => line.netAmount));
  requireRepresentable('lineItems', total);
  if (amount !== undefined && compareAmounts(amount, total) !== 0) {
    throw invalidField('amount', 'mismatch', { value: amount, expected: total });
  }
  return { amount: total, currency };
}
