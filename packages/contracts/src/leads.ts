// The public events of the Lead aggregate of the opportunities service, published on topic
// crm.opportunities.v1. Each schema is the CloudEvent's `data` (subject = leadId). Every claim,
// release and return is an event, so who held a lead when, and why it went back, is provable.
// Evolve by adding optional fields only; anything else is a new `.v2` type.
import { z } from 'zod';
import { emailSchema } from './email.ts';
import { phoneSchema } from './phone.ts';
import { customerIdSchema } from './customers.ts';
import { industrySchema } from './customers-values.ts';
import {
  customerRegistrationRequestSchema,
  leadActivityKindSchema,
  leadAssignmentRuleSchema,
  leadDisqualificationReasonSchema,
  leadFollowUpStatusSchema,
  leadIdSchema,
  leadPoolIdSchema,
  leadRegionSchema,
  leadReturnReasonSchema,
  leadSourceSchema,
} from './leads-values.ts';

export * from './leads-values.ts';

const userId = z.string().min(1).max(100);
const isoTime = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(100);
const note = z.string().min(1).max(2000);
const opportunityId = id.describe('The opportunity opened by the conversion.');

export const leadEventSchemas = {
  'crm.lead.captured.v1': z.object({
    leadId: leadIdSchema,
    name: z.string().min(1).max(200).describe('The contact person (联系人).'),
    company: z.string().min(1).max(200).optional().describe('The company they work for.'),
    phones: z.array(phoneSchema).describe('Phone numbers, the primary one first.'),
    emails: z.array(emailSchema).describe('E-mail addresses, the primary one first.'),
    source: leadSourceSchema,
    campaignId: id.optional().describe('The marketing campaign that brought the lead.'),
    notes: note.optional().describe('Free notes taken at capture.'),
    region: leadRegionSchema.optional(),
    industry: industrySchema.optional(),
    poolId: leadPoolIdSchema.describe('The pool the lead belongs to and returns to when released.'),
    ownerId: userId.nullable().describe('The sales rep who owns it; null = waiting in its pool.'),
    matchingCustomerId: customerIdSchema
      .optional()
      .describe('Possible duplicate: an existing customer with one of these phones or e-mails.'),
    capturedBy: userId.describe('Who captured it: a user, or system:<component> for imports.'),
    capturedAt: isoTime.describe('When it was captured.'),
  }),
  'crm.lead.assigned.v1': z.object({
    leadId: leadIdSchema,
    ownerId: userId.describe('The sales rep it was assigned to.'),
    rule: leadAssignmentRuleSchema,
    poolId: leadPoolIdSchema.describe('The pool it was taken from.'),
    assignedBy: userId.describe('The manager, or system:<component> for rule-based assignment.'),
    assignedAt: isoTime.describe('When; the follow-up clock of the new owner starts here.'),
  }),
  'crm.lead.reassigned.v1': z.object({
    leadId: leadIdSchema,
    ownerId: userId.describe('The new owner.'),
    previousOwnerId: userId.describe('The owner before.'),
    reason: z.string().min(1).max(500).optional().describe('Why it changed hands.'),
    reassignedBy: userId.describe('The manager who reassigned it.'),
    reassignedAt: isoTime.describe('When; the follow-up clock of the new owner starts here.'),
  }),
  'crm.lead.claimed.v1': z.object({
    leadId: leadIdSchema,
    ownerId: userId.describe('The sales rep who claimed it (领取).'),
    poolId: leadPoolIdSchema.describe('The pool it was claimed from.'),
    openClaims: z
      .number()
      .int()
      .nonnegative()
      .describe('How many open claims the rep held before this one.'),
    claimLimit: z.number().int().positive().describe('The open-claim limit of the pool then.'),
    claimedAt: isoTime.describe('When; the follow-up clock starts here.'),
  }),
  'crm.lead.released.v1': z.object({
    leadId: leadIdSchema,
    poolId: leadPoolIdSchema.describe('The pool it went back to.'),
    previousOwnerId: userId.describe('The owner who released it (退回公海).'),
    reason: z.string().min(1).max(500).describe('Why it was released.'),
    releasedBy: userId.describe('The owner, or a manager on their behalf.'),
  }),
  'crm.lead.returned_to_pool.v1': z.object({
    leadId: leadIdSchema,
    poolId: leadPoolIdSchema.describe('The pool it went back to.'),
    previousOwnerId: userId.describe('The owner it was taken from (自动回收).'),
    reason: leadReturnReasonSchema,
    deadline: isoTime.describe('The follow-up deadline that passed.'),
    lastFollowUpAt: isoTime.describe('The last follow-up (or the start of ownership) before it.'),
  }),
  'crm.lead.moved_to_pool.v1': z.object({
    leadId: leadIdSchema,
    poolId: leadPoolIdSchema.describe('The pool it was moved to.'),
    previousPoolId: leadPoolIdSchema.describe('The pool it belonged to before.'),
    previousOwnerId: userId.nullable().describe('Its owner before; null = it was in the pool.'),
    reason: z.string().min(1).max(500).optional().describe('Why it was moved.'),
    movedBy: userId.describe('The manager who moved it.'),
  }),
  'crm.lead.follow_up_status_changed.v1': z.object({
    leadId: leadIdSchema,
    status: leadFollowUpStatusSchema.describe('The status now.'),
    previousStatus: leadFollowUpStatusSchema.describe('The status before.'),
    changedBy: userId.describe('Who changed it.'),
  }),
  'crm.lead.follow_up_scheduled.v1': z.object({
    leadId: leadIdSchema,
    taskId: id.describe('Unique per follow-up task.'),
    dueAt: isoTime.describe('When the follow-up is due.'),
    remindAt: isoTime.optional().describe('When to remind the owner (not after dueAt).'),
    note: z.string().min(1).max(500).optional().describe('What to do.'),
    scheduledBy: userId.describe('Who scheduled it.'),
  }),
  'crm.lead.follow_up_completed.v1': z.object({
    leadId: leadIdSchema,
    taskId: id.describe('The follow-up task done.'),
    outcome: z.string().min(1).max(500).optional().describe('What came of it.'),
    completedBy: userId.describe('Who did it.'),
    completedAt: isoTime.describe('When it was marked done; it counts as a follow-up.'),
  }),
  'crm.lead.activity_logged.v1': z.object({
    leadId: leadIdSchema,
    activityId: id.describe('Unique per activity.'),
    kind: leadActivityKindSchema,
    occurredAt: isoTime.describe('When it happened; it counts as a follow-up.'),
    summary: note.describe('What was discussed or done.'),
    loggedBy: userId.describe('Who logged it.'),
  }),
  'crm.lead.qualified.v1': z.object({
    leadId: leadIdSchema,
    note: z.string().min(1).max(500).optional().describe('Why it is worth pursuing.'),
    qualifiedBy: userId.describe('Who qualified it.'),
  }),
  'crm.lead.disqualified.v1': z.object({
    leadId: leadIdSchema,
    reason: leadDisqualificationReasonSchema,
    note: z.string().min(1).max(500).optional().describe('Details; always present for other.'),
    disqualifiedBy: userId.describe('Who disqualified it.'),
  }),
  'crm.lead.converted.v1': z
    .object({
      leadId: leadIdSchema,
      opportunityId,
      customerId: customerIdSchema.describe(
        'The customer of the opportunity: an existing one, or the one customerRegistration asks for.',
      ),
      customerRegistration: customerRegistrationRequestSchema
        .nullable()
        .describe(
          'null: customerId is an existing customer. Otherwise the customers service registers this ' +
            'customer (once, whatever the number of deliveries) and answers on crm.customers.v1.',
        ),
      ownerId: userId.describe('The owner of the lead, who owns the opportunity.'),
      campaignId: id.optional().describe('The campaign that brought the lead, for attribution.'),
      convertedBy: userId.describe('Who converted it.'),
    })
    .describe(
      'The lead became an opportunity; if asked, the customers service registers the customer.',
    ),
  'crm.lead.conversion_completed.v1': z.object({
    leadId: leadIdSchema,
    customerId: customerIdSchema.describe('The customer registered for the conversion.'),
    opportunityId,
  }),
  'crm.lead.conversion_blocked.v1': z.object({
    leadId: leadIdSchema,
    customerId: customerIdSchema.describe('The customer whose registration was refused.'),
    reason: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .max(100)
      .describe("The customers service's refusal code, e.g. DUPLICATE_CONTACT."),
    existingCustomerId: customerIdSchema
      .optional()
      .describe('The customer that already has the phone or e-mail: the one to link instead.'),
  }),
  'crm.lead.linked_to_customer.v1': z.object({
    leadId: leadIdSchema,
    customerId: customerIdSchema.describe('The existing customer the lead now belongs to.'),
    previousCustomerId: customerIdSchema.describe('The customer whose registration was refused.'),
    opportunityId,
    linkedBy: userId.describe('Who linked it.'),
  }),
} as const;

export type LeadPublicEventType = keyof typeof leadEventSchemas;

export type LeadPublicEventData<Type extends LeadPublicEventType> = z.infer<
  (typeof leadEventSchemas)[Type]
>;

/** One public event of the Lead aggregate: its wire type and its data. */
export type LeadPublicEvent = {
  [Type in LeadPublicEventType]: { type: Type; data: LeadPublicEventData<Type> };
}[LeadPublicEventType];

export const leadPublicEventTypes = Object.keys(leadEventSchemas) as LeadPublicEventType[];

/** Consumers ignore types they do not know; this tells them which ones they do. */
export const isLeadPublicEventType = (type: string): type is LeadPublicEventType =>
  Object.hasOwn(leadEventSchemas, type);
