// The public events of the customers service, published on topic crm.customers.v1: what ERP/OA
// systems and the other services may rely on. Each schema is the CloudEvent's `data`; the envelope
// (id, time, actor, subject = customerId, ...) is in cloud-event.ts. Evolve by adding optional
// fields only; anything else is a new `.v2` type.
import { z } from 'zod';
import { emailSchema } from './email.ts';
import { phoneSchema } from './phone.ts';
import { customerProfileChangesSchema, customerProfileSchema } from './customers-profile.ts';
import {
  customerKindSchema,
  customerSizeSchema,
  customerSourceSchema,
  erasureReasonSchema,
  interactionChannelSchema,
  interactionKindSchema,
  lifecycleStageSchema,
  tagSchema,
  valueTierSchema,
} from './customers-values.ts';

// The values these events are made of, for consumers that validate or keep them.
export * from './customers-profile.ts';
export * from './customers-values.ts';
export * from './email.ts';
export * from './phone.ts';

export const customerIdSchema = z
  .string()
  .min(1)
  .max(100)
  .describe('The customer id; also the CloudEvent subject and the Kafka key.');

const userId = z.string().min(1).max(100);
const isoTime = z.iso.datetime({ offset: true });
const phones = z.array(phoneSchema).describe('Phone numbers, the primary one first.');
const emails = z.array(emailSchema).describe('E-mail addresses, the primary one first.');
const tags = z.array(tagSchema);
const leadId = z.string().min(1).max(100);

export const customerClassificationSchema = z
  .object({
    lifecycleStage: lifecycleStageSchema,
    size: customerSizeSchema.optional(),
    valueTier: valueTierSchema.optional(),
  })
  .describe('How the customer is classified; absent size/valueTier = not classified yet.');

export const customerEventSchemas = {
  'crm.customer.registered.v1': z.object({
    customerId: customerIdSchema,
    kind: customerKindSchema,
    profile: customerProfileSchema,
    phones,
    emails,
    tags: tags.describe('Tags given at registration.'),
    classification: customerClassificationSchema,
    source: customerSourceSchema.optional(),
    ownerId: userId.nullable().describe('The responsible user; null = in the shared pool (公海).'),
    leadId: leadId
      .optional()
      .describe(
        'Set when the customer was registered for a converted sales lead (source lead_conversion): ' +
          'that lead id, from crm.lead.converted.v1.',
      ),
  }),
  'crm.customer.registration_rejected.v1': z
    .object({
      customerId: customerIdSchema.describe(
        'The customer id the registration asked for; no customer exists under it.',
      ),
      leadId: leadId.describe('The converted sales lead that asked for the registration.'),
      reason: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]*$/)
        .max(100)
        .describe(
          'Why it was refused, a stable code: DUPLICATE_CONTACT (a phone or e-mail belongs to an ' +
            'existing customer), INVALID_REGISTRATION (the data breaks a customer rule); more ' +
            'codes may be added, so treat an unknown one as a refusal.',
        ),
      existingCustomerId: customerIdSchema
        .optional()
        .describe('For DUPLICATE_CONTACT: the customer that already has the phone or e-mail.'),
      detail: z
        .string()
        .min(1)
        .max(1000)
        .optional()
        .describe('What exactly was wrong, for people (e.g. the offending field); not for code.'),
      rejectedAt: isoTime.describe('When the customers service refused it.'),
    })
    .describe(
      'A registration asked for by a converted lead was refused; the id stays unused for good.',
    ),
  'crm.customer.profile_updated.v1': z.object({
    customerId: customerIdSchema,
    changes: customerProfileChangesSchema,
  }),
  'crm.customer.contacts_changed.v1': z.object({
    customerId: customerIdSchema,
    phones: phones.describe('All phone numbers after the change, the primary one first.'),
    emails: emails.describe('All e-mail addresses after the change, the primary one first.'),
  }),
  'crm.customer.tagged.v1': z.object({
    customerId: customerIdSchema,
    tags: tags.min(1).describe('The tags added (only those not already present).'),
  }),
  'crm.customer.untagged.v1': z.object({
    customerId: customerIdSchema,
    tags: tags.min(1).describe('The tags removed (only those that were present).'),
  }),
  'crm.customer.classified.v1': z.object({
    customerId: customerIdSchema,
    changes: z
      .object({
        lifecycleStage: lifecycleStageSchema.optional(),
        size: customerSizeSchema.nullable().optional(),
        valueTier: valueTierSchema.nullable().optional(),
      })
      .describe('Only what changed: a value = the new value, null = cleared.'),
  }),
  'crm.customer.owner_assigned.v1': z.object({
    customerId: customerIdSchema,
    ownerId: userId
      .nullable()
      .describe('The new owner; null = returned to the shared pool (公海).'),
    previousOwnerId: userId.nullable().describe('The owner before; null = it was in the pool.'),
  }),
  'crm.customer.interaction_logged.v1': z.object({
    customerId: customerIdSchema,
    interactionId: z.string().min(1).max(100).describe('Unique per interaction.'),
    kind: interactionKindSchema,
    channel: interactionChannelSchema,
    occurredAt: isoTime.describe('When the interaction happened.'),
    summary: z.string().min(1).max(2000).describe('What was discussed or done.'),
    outcome: z.string().min(1).max(500).optional().describe('What came of it.'),
    nextStep: z.string().min(1).max(500).optional().describe('The agreed next step.'),
    nextFollowUpAt: isoTime.optional().describe('When to follow up next (下次跟进时间).'),
    durationMinutes: z.number().int().min(0).max(1440).optional().describe('How long it took.'),
    loggedBy: userId.describe('The user who logged it.'),
  }),
  'crm.customer.merged.v1': z.object({
    customerId: customerIdSchema.describe('The duplicate, which is closed by the merge.'),
    mergedInto: customerIdSchema.describe('The surviving customer that took over its data.'),
  }),
  'crm.customer.duplicate_absorbed.v1': z.object({
    customerId: customerIdSchema.describe('The surviving customer.'),
    duplicateId: customerIdSchema.describe('The duplicate merged into it.'),
    phonesAdded: phones.describe('Phone numbers taken over from the duplicate.'),
    emailsAdded: emails.describe('E-mail addresses taken over from the duplicate.'),
    tagsAdded: tags.describe('Tags taken over from the duplicate.'),
    interactionCount: z
      .number()
      .int()
      .nonnegative()
      .describe("Interactions logged on the duplicate; its timeline now counts as the survivor's."),
  }),
  'crm.customer.archived.v1': z.object({
    customerId: customerIdSchema,
    reason: z.string().min(1).max(500).describe('Why it was archived.'),
  }),
  'crm.customer.restored.v1': z.object({
    customerId: customerIdSchema,
  }),
  'crm.customer.personal_data_erased.v1': z
    .object({
      customerId: customerIdSchema,
      reason: erasureReasonSchema,
    })
    .describe('Personal data was erased: consumers must forget what they keep about the customer.'),
} as const;

export type CustomerPublicEventType = keyof typeof customerEventSchemas;

export type CustomerPublicEventData<Type extends CustomerPublicEventType> = z.infer<
  (typeof customerEventSchemas)[Type]
>;

/** One public event of the customers service: its wire type and its data. */
export type CustomerPublicEvent = {
  [Type in CustomerPublicEventType]: { type: Type; data: CustomerPublicEventData<Type> };
}[CustomerPublicEventType];

export const customerPublicEventTypes = Object.keys(
  customerEventSchemas,
) as CustomerPublicEventType[];

/** Consumers ignore types they do not know; this tells them which ones they do. */
export const isCustomerPublicEventType = (type: string): type is CustomerPublicEventType =>
  Object.hasOwn(customerEventSchemas, type);
