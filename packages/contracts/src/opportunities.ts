// The public events of opportunities, on topic crm.opportunities.v1 (with quotes and orders, in
// opportunities-quotes.ts and opportunities-orders.ts): what ERP/OA systems, campaigns and analytics
// may rely on. Each schema is the CloudEvent's `data`; subject = opportunityId. Evolve by adding
// optional fields only; anything else is a new `.v2` type.
import { z } from 'zod';
import { customerIdSchema } from './customers.ts';
import { moneySchema } from './customers-values.ts';
import {
  calendarDateSchema,
  competitorSchema,
  lossReasonSchema,
  opportunityIdSchema,
  opportunityLineItemSchema,
  pipelineSchema,
  pipelineStageIdSchema,
  probabilitySchema,
  teamIdSchema,
  userIdSchema,
} from './opportunities-values.ts';

export * from './opportunities-values.ts';
export * from './opportunities-quotes.ts';
export * from './opportunities-orders.ts';

const isoTime = z.iso.datetime({ offset: true });

/** Why a deal's customer changed; consumers should accept reasons added later. */
export const opportunityCustomerChangeReasonSchema = z
  .enum(['lead_linked_to_existing_customer'])
  .describe(
    'lead_linked_to_existing_customer: the customer the lead asked for was refused (say, a ' +
      'duplicate phone) and the lead was linked to the existing customer instead.',
  );
const amount = moneySchema.describe(
  'The expected deal value (预计金额): the sum of the line items when it has any.',
);
const lineItems = z
  .array(opportunityLineItemSchema)
  .max(200)
  .describe('The products discussed; empty when the amount was given directly.');
const expectedCloseDate = calendarDateSchema.describe('When the deal is expected to close.');
const closedAt = isoTime.describe('When it was closed.');
const stageClosedFrom = pipelineStageIdSchema.describe('The open stage it was in when closed.');

export const opportunityEventSchemas = {
  'crm.opportunity.opened.v1': z.object({
    opportunityId: opportunityIdSchema,
    customerId: customerIdSchema.describe('The customer the deal is with.'),
    name: z.string().min(1).max(200).describe('What the deal is called (商机名称).'),
    ownerId: userIdSchema.describe('The sales rep responsible.'),
    team: teamIdSchema,
    amount,
    lineItems,
    expectedCloseDate,
    stage: pipelineStageIdSchema.describe('The stage it starts in.'),
    probability: probabilitySchema,
    pipeline: pipelineSchema,
    sourceCampaignId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('The marketing campaign it came from, for attribution.'),
    leadId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('The lead it was converted from, when it was.'),
  }),
  'crm.opportunity.stage_changed.v1': z.object({
    opportunityId: opportunityIdSchema,
    stage: pipelineStageIdSchema.describe('The stage it moved to.'),
    previousStage: pipelineStageIdSchema.describe('The stage it left.'),
    probability: probabilitySchema.describe('The win probability of the new stage, in percent.'),
  }),
  'crm.opportunity.line_items_updated.v1': z.object({
    opportunityId: opportunityIdSchema,
    lineItems: lineItems.describe('All line items after the change (replaces the list).'),
    amount: amount.describe('The amount after the change: the sum of the line items, if any.'),
  }),
  'crm.opportunity.amount_updated.v1': z.object({
    opportunityId: opportunityIdSchema,
    amount: amount.describe('The new expected deal value.'),
    previousAmount: moneySchema.describe('The expected deal value before.'),
  }),
  'crm.opportunity.expected_close_changed.v1': z.object({
    opportunityId: opportunityIdSchema,
    expectedCloseDate: expectedCloseDate.describe('The new expected close date.'),
    previousExpectedCloseDate: calendarDateSchema.describe('The expected close date before.'),
  }),
  'crm.opportunity.competitor_noted.v1': z.object({
    opportunityId: opportunityIdSchema,
    competitor: competitorSchema.describe(
      'A competitor, new or with new notes (the same name replaces the earlier notes).',
    ),
  }),
  'crm.opportunity.owner_assigned.v1': z.object({
    opportunityId: opportunityIdSchema,
    ownerId: userIdSchema.describe('The new owner.'),
    previousOwnerId: userIdSchema.describe('The owner before.'),
    team: teamIdSchema.describe('The team after the change.'),
    previousTeam: teamIdSchema.describe('The team before.'),
  }),
  'crm.opportunity.won.v1': z
    .object({
      opportunityId: opportunityIdSchema,
      customerId: customerIdSchema.describe('The customer the deal is with.'),
      ownerId: userIdSchema.describe('The sales rep credited with the win.'),
      team: teamIdSchema,
      amount: moneySchema.describe('The actual deal value (成交金额), greater than 0.'),
      stage: stageClosedFrom,
      sourceCampaignId: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .describe('The campaign the revenue is attributed to, if any.'),
      closedAt,
    })
    .describe('The deal was won (赢单).'),
  'crm.opportunity.lost.v1': z
    .object({
      opportunityId: opportunityIdSchema,
      customerId: customerIdSchema.describe('The customer the deal was with.'),
      ownerId: userIdSchema.describe('The sales rep who owned it.'),
      team: teamIdSchema,
      reason: lossReasonSchema,
      competitor: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe('Who won it instead; always present when reason = competitor.'),
      note: z.string().min(1).max(1000).optional().describe('More about why.'),
      stage: stageClosedFrom,
      closedAt,
    })
    .describe('The deal was lost (输单).'),
  'crm.opportunity.reopened.v1': z
    .object({
      opportunityId: opportunityIdSchema,
      reason: z.string().min(1).max(500).describe('Why a manager reopened it.'),
      stage: pipelineStageIdSchema.describe('The open stage it returns to.'),
      probability: probabilitySchema.describe('The win probability of that stage, in percent.'),
      previousStatus: z.enum(['won', 'lost']).describe('How it had been closed.'),
    })
    .describe('A closed deal is back in the pipeline.'),
  'crm.opportunity.customer_changed.v1': z
    .object({
      opportunityId: opportunityIdSchema,
      previousCustomerId: customerIdSchema.describe('The customer it was with before.'),
      customerId: customerIdSchema.describe('The customer the deal is with from now on.'),
      reason: opportunityCustomerChangeReasonSchema,
      changedBy: userIdSchema.describe('Who made the change (the user who linked the lead).'),
      changedAt: isoTime.describe('When it changed.'),
    })
    .describe(
      'The deal is with another customer from now on; earlier events naming the previous one ' +
        '(opened, won, lost) now count for this one.',
    ),
} as const;

export type OpportunityPublicEventType = keyof typeof opportunityEventSchemas;

export type OpportunityPublicEventData<Type extends OpportunityPublicEventType> = z.infer<
  (typeof opportunityEventSchemas)[Type]
>;

/** One public event of the opportunity aggregate: its wire type and its data. */
export type OpportunityPublicEvent = {
  [Type in OpportunityPublicEventType]: { type: Type; data: OpportunityPublicEventData<Type> };
}[OpportunityPublicEventType];

export const opportunityPublicEventTypes = Object.keys(
  opportunityEventSchemas,
) as OpportunityPublicEventType[];

/** Consumers ignore types they do not know; this tells them which ones they do. */
export const isOpportunityPublicEventType = (type: string): type is OpportunityPublicEventType =>
  Object.hasOwn(opportunityEventSchemas, type);
