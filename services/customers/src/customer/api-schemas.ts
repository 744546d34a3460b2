// What the customers API accepts and answers, as zod schemas: they validate requests (400 naming
// every bad field), shape responses and become the OpenAPI document.
import {
  addressSchema,
  creditCodeSchema,
  customerKindSchema,
  customerSizeSchema,
  customerSourceSchema,
  erasureReasonSchema,
  genderSchema,
  industrySchema,
  interactionChannelSchema,
  interactionKindSchema,
  lifecycleStageSchema,
  moneySchema,
  normalizeEmail,
  normalizePhone,
  tagSchema,
  valueTierSchema,
} from '@crm/contracts';
import { detailQuery, pageQuery, waitForPositionQuery } from '@crm/service-kit';
import { z } from 'zod';

export const phoneInput = z
  .string()
  .max(40)
  .refine((value) => normalizePhone(value).ok, 'not a mainland mobile, landline or E.164 number')
  .describe('Phone number: 13800138000, +86 138 0013 8000, 010-12345678 or +14155550123.');
export const emailInput = z
  .string()
  .max(254)
  .refine((value) => normalizeEmail(value).ok, 'not a valid e-mail address')
  .describe('E-mail address.');

const profileFields = {
  name: z.string().trim().min(1).max(200),
  address: addressSchema.optional(),
  gender: genderSchema.optional(),
  birthday: z.iso.date().optional(),
  interests: z.array(z.string().min(1).max(32)).max(20).optional(),
  industry: industrySchema.optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  registeredCapital: moneySchema.optional(),
  creditCode: creditCodeSchema.optional(),
};

export const registerBody = z.object({
  id: z.uuid().optional().describe('Choose the id yourself to make a retried POST safe.'),
  kind: customerKindSchema,
  ...profileFields,
  phones: z.array(phoneInput).max(10).default([]),
  emails: z.array(emailInput).max(10).default([]),
  tags: z.array(tagSchema).max(50).default([]),
  lifecycleStage: lifecycleStageSchema.optional(),
  size: customerSizeSchema.optional(),
  valueTier: valueTierSchema.optional(),
  source: customerSourceSchema.optional(),
  ownerId: z.string().min(1).max(100).nullable().optional(),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const profileChangesBody = z
  .object({
    name: profileFields.name.optional(),
    address: addressSchema.nullable().optional(),
    gender: genderSchema.nullable().optional(),
    birthday: z.iso.date().nullable().optional(),
    interests: profileFields.interests.unwrap().nullable().optional(),
    industry: industrySchema.nullable().optional(),
    website: profileFields.website.unwrap().nullable().optional(),
    registeredCapital: moneySchema.nullable().optional(),
    creditCode: creditCodeSchema.nullable().optional(),
  })
  .describe('Only the fields to change: a value sets it, null clears it.');

export const contactsBody = z.object({
  phones: z.array(phoneInput).max(10),
  emails: z.array(emailInput).max(10),
});
export const tagsBody = z.object({ tags: z.array(tagSchema).min(1).max(50) });
export const classificationBody = z.object({
  lifecycleStage: lifecycleStageSchema.optional(),
  size: customerSizeSchema.nullable().optional(),
  valueTier: valueTierSchema.nullable().optional(),
});
export const ownerBody = z.object({
  ownerId: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .describe('null returns the customer to the pool (公海).'),
});
export const interactionBody = z.object({
  interactionId: z.uuid().optional().describe('Choose it yourself to make a retry safe.'),
  kind: interactionKindSchema,
  channel: interactionChannelSchema,
  occurredAt: z.iso.datetime({ offset: true }),
  summary: z.string().trim().min(1).max(2000),
  outcome: z.string().trim().min(1).max(500).optional(),
  nextStep: z.string().trim().min(1).max(500).optional(),
  nextFollowUpAt: z.iso.datetime({ offset: true }).optional(),
  durationMinutes: z.number().int().min(0).max(1440).optional(),
});
export const reasonBody = z.object({ reason: z.string().trim().min(1).max(500) });
export const eraseBody = z.object({ reason: erasureReasonSchema });
export const mergeBody = z.object({ duplicateId: z.string().min(1).max(100) });

export const idParams = z.object({ id: z.string().min(1).max(100) });
export const searchQuery = z.object({
  q: z.string().trim().min(1).max(100).optional().describe('Name, phone or e-mail contains this.'),
  name: z.string().trim().min(1).max(200).optional().describe('Name contains this (any case).'),
  phone: phoneInput.optional(),
  email: emailInput.optional(),
  tag: tagSchema.optional(),
  ownerId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("An owner's user id, or 'none' for the pool."),
  industry: industrySchema.optional(),
  province: z.string().min(1).max(50).optional(),
  city: z.string().min(1).max(50).optional(),
  district: z.string().min(1).max(50).optional(),
  lifecycleStage: lifecycleStageSchema.optional(),
  valueTier: valueTierSchema.optional(),
  size: customerSizeSchema.optional(),
  kind: customerKindSchema.optional(),
  status: z.enum(['active', 'archived', 'merged', 'erased', 'all']).default('active'),
  sort: z
    .enum(['createdAt', '-createdAt', 'name', '-name', 'updatedAt', '-updatedAt'])
    .default('-createdAt'),
  ...pageQuery(),
  waitForPosition: waitForPositionQuery,
});
export type SearchQuery = z.infer<typeof searchQuery>;

export { detailQuery };

export const statsQuery = z.object({
  by: z.enum([
    'province',
    'city',
    'industry',
    'lifecycleStage',
    'valueTier',
    'size',
    'ownerId',
    'source',
    'tags',
  ]),
  status: z.enum(['active', 'archived', 'all']).default('active'),
});
