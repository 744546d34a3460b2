// The values that lead events are made of: where a lead came from, how it is followed up, why it
// was disqualified, and what the customers service is asked to register when it is converted.
import { z } from 'zod';
import { emailSchema } from './email.ts';
import { phoneSchema } from './phone.ts';
import { customerProfileSchema } from './customers-profile.ts';
import {
  customerKindSchema,
  customerSourceSchema,
  lifecycleStageSchema,
} from './customers-values.ts';

export const leadIdSchema = z
  .string()
  .min(1)
  .max(100)
  .describe('The lead id; also the CloudEvent subject and the Kafka key.');

export const leadPoolIdSchema = z
  .string()
  .min(1)
  .max(100)
  .describe(
    'A lead pool (公海/线索池) of a team or region, where unowned leads wait to be claimed.',
  );

// The customer sources, less lead_conversion: a lead is where a conversion starts, not its result.
export const leadSourceSchema = customerSourceSchema
  .exclude(['lead_conversion'])
  .describe('How the lead first reached us (线索来源).');

export const leadRegionSchema = z
  .object({
    province: z
      .string()
      .min(1)
      .max(50)
      .describe('Province, autonomous region or municipality (省/自治区/直辖市), or state.'),
    city: z.string().min(1).max(50).describe('City or prefecture (市/地区/州).'),
  })
  .describe('Where the lead is (mainland province and city); pools and assignment go by region.');

export const leadFollowUpStatusSchema = z
  .enum(['new', 'first_contact', 'negotiating', 'about_to_close'])
  .describe(
    'How far the follow-up has got (跟进状态): new (not contacted yet), first_contact (初次接触), ' +
      'negotiating (洽谈中), about_to_close (即将成交).',
  );

export const leadActivityKindSchema = z
  .enum(['call', 'visit', 'wechat', 'email', 'note'])
  .describe('What kind of follow-up was done (跟进方式): phone call, visit, WeChat, e-mail, note.');

export const leadAssignmentRuleSchema = z
  .enum(['round_robin', 'region', 'industry', 'manual'])
  .describe(
    'What chose the owner: round_robin within the team, the rep covering the lead region or ' +
      'industry, or a manager by hand.',
  );

export const leadDisqualificationReasonSchema = z
  .enum(['no_budget', 'no_need', 'no_authority', 'competitor', 'unreachable', 'duplicate', 'other'])
  .describe(
    'Why the lead was disqualified (无效原因): no budget, no need, not a decision maker, went ' +
      'with a competitor, cannot be reached, a duplicate, or other (the note says what).',
  );

export const leadReturnReasonSchema = z
  .enum(['no_follow_up'])
  .describe(
    'Why the system took the lead back into its pool: no follow-up within the time allowed.',
  );

/**
 * The cross-service command carried by crm.lead.converted.v1: everything the customers service needs
 * to register the customer, under an id derived from the lead id, so that registering it twice
 * creates nothing twice.
 */
export const customerRegistrationRequestSchema = z
  .object({
    customerId: z
      .string()
      .min(1)
      .max(100)
      .describe('The id to register the customer under, derived from the lead id (idempotency).'),
    kind: customerKindSchema,
    profile: customerProfileSchema.describe(
      'Name, address (from the lead region) and, for a company, industry.',
    ),
    phones: z.array(phoneSchema).describe('Phone numbers, the primary one first.'),
    emails: z.array(emailSchema).describe('E-mail addresses, the primary one first.'),
    source: z.literal('lead_conversion').describe('Always lead_conversion.'),
    lifecycleStage: lifecycleStageSchema.describe(
      'The stage to register it at: prospect (qualified, an opportunity is open).',
    ),
    ownerId: z
      .string()
      .min(1)
      .max(100)
      .describe('The sales rep who owns the lead and becomes the owner of the customer.'),
  })
  .describe('A request to the customers service to register a new customer for a converted lead.');

export type LeadSource = z.infer<typeof leadSourceSchema>;
export type LeadRegion = z.infer<typeof leadRegionSchema>;
export type LeadFollowUpStatus = z.infer<typeof leadFollowUpStatusSchema>;
export type LeadActivityKind = z.infer<typeof leadActivityKindSchema>;
export type LeadAssignmentRule = z.infer<typeof leadAssignmentRuleSchema>;
export type LeadDisqualificationReason = z.infer<typeof leadDisqualificationReasonSchema>;
export type LeadReturnReason = z.infer<typeof leadReturnReasonSchema>;
export type CustomerRegistrationRequest = z.infer<typeof customerRegistrationRequestSchema>;
