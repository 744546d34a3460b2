// What the leads API accepts and answers, as zod schemas: they validate requests (400 naming every
// bad field), shape responses and become the OpenAPI document.
import {
  customerKindSchema,
  leadActivityKindSchema,
  leadDisqualificationReasonSchema,
  leadFollowUpStatusSchema,
  leadRegionSchema,
  leadSourceSchema,
  normalizeEmail,
  normalizePhone,
} from '@crm/contracts';
import {
  ifMatchHeaders,
  pageQuery,
  waitForPositionQuery,
  waitForRevisionQuery,
  writeResult,
} from '@crm/service-kit';
import { z } from 'zod';

export const phoneInput = z
  .string()
  .max(40)
  .refine((value) => normalizePhone(value).ok, 'not a mainland mobile, landline or E.164 number');
export const emailInput = z
  .string()
  .max(254)
  .refine((value) => normalizeEmail(value).ok, 'not a valid e-mail address');

const clientId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, 'letters, digits, _ . : - (at most 100)');
const userId = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });
const automaticRule = z.enum(['round_robin', 'region', 'industry']);

export const captureBody = z
  .object({
    id: clientId.optional().describe('Choose the id yourself to make a retried POST safe.'),
    name: text(200).describe('The contact person.'),
    company: text(200).optional(),
    phones: z.array(phoneInput).max(10).default([]),
    emails: z.array(emailInput).max(10).default([]),
    source: leadSourceSchema,
    campaignId: text(100).optional(),
    notes: text(2000).optional(),
    region: leadRegionSchema.optional(),
    industry: text(100).optional(),
    poolId: text(100).optional().describe("Default: the region's pool, else the team's."),
    ownerId: userId
      .nullable()
      .optional()
      .describe('null: into the pool. Absent: a sales rep keeps it, others put it in the pool.'),
    assign: automaticRule.optional().describe('Hand it to a rep by this rule right away.'),
  })
  .refine((body) => body.phones.length + body.emails.length > 0, {
    message: 'give at least one phone or e-mail',
    path: ['phones'],
  });

export const assignBody = z
  .object({
    rule: z.enum(['manual', 'round_robin', 'region', 'industry']).default('manual'),
    ownerId: userId.optional().describe('Required for manual assignment.'),
  })
  .refine((body) => body.rule !== 'manual' || body.ownerId !== undefined, {
    message: 'required for manual assignment',
    path: ['ownerId'],
  });
export const reassignBody = z.object({ ownerId: userId, reason: text(500).optional() });
export const releaseBody = z.object({ reason: text(500) });
export const moveBody = z.object({ poolId: text(100), reason: text(500).optional() });
export const followUpStatusBody = z.object({ status: leadFollowUpStatusSchema });
export const scheduleBody = z.object({
  taskId: clientId.optional().describe('Choose it yourself to make a retry safe.'),
  dueAt: instant,
  remindAt: instant.optional(),
  note: text(500).optional(),
});
export const completeBody = z.object({ outcome: text(500).optional() });
export const activityBody = z.object({
  activityId: clientId.optional().describe('Choose it yourself to make a retry safe.'),
  kind: leadActivityKindSchema,
  occurredAt: instant,
  summary: text(2000),
});
export const qualifyBody = z.object({ note: text(500).optional() });
export const disqualifyBody = z.object({
  reason: leadDisqualificationReasonSchema,
  note: text(500).optional(),
});
export const convertBody = z.object({
  opportunityId: clientId.optional().describe('Generated when absent.'),
  existingCustomerId: userId
    .optional()
    .describe('Link this customer; absent: the customers service registers a new one.'),
  kind: customerKindSchema.optional(),
  opportunity: z
    .object({
      name: text(200).optional(),
      amount: z
        .string()
        .regex(/^\d{1,13}(\.\d{1,2})?$/, 'a decimal amount, e.g. "12000.00"')
        .optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
      expectedCloseDate: z.iso.date().optional(),
    })
    .optional(),
});
export const linkBody = z.object({ customerId: userId });

export const idParams = z.object({ id: z.string().min(1).max(100) });
export const taskParams = z.object({ id: z.string().min(1).max(100), taskId: clientId });
export const poolParams = z.object({ poolId: z.string().min(1).max(100) });
export { ifMatchHeaders, writeResult };
export const conversionResult = writeResult.extend({
  opportunityId: z.string(),
  customerId: z.string(),
});
export const assignResult = writeResult.extend({
  ownerId: z.string().nullable().describe('null: no rep was eligible; it stays in its pool.'),
});

const waitForPosition = waitForPositionQuery;
const page = pageQuery();

export const searchQuery = z.object({
  q: text(100).optional().describe('Name, company, phone or e-mail contains this.'),
  status: z
    .enum(['active', 'open', 'qualified', 'converted', 'disqualified', 'all'])
    .default('active')
    .describe('active: open or qualified.'),
  ownerId: userId.optional().describe("An owner's id, 'me', or 'none' for leads in pools."),
  poolId: text(100).optional(),
  source: leadSourceSchema.optional(),
  campaignId: text(100).optional(),
  followUpStatus: leadFollowUpStatusSchema.optional(),
  sort: z
    .enum(['capturedAt', '-capturedAt', 'lastFollowUpAt', '-lastFollowUpAt', 'name', '-name'])
    .default('-capturedAt'),
  ...page,
  waitForPosition,
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const detailQuery = z.object({
  asOf: instant.optional().describe('The lead as it was at this time (from the log).'),
  waitForRevision: waitForRevisionQuery,
});
export const timelineQuery = z.object({ ...page, order: z.enum(['asc', 'desc']).default('asc') });
export const dueQuery = z.object({
  ownerId: userId.optional().describe('Default: yourself (managers may name a team member).'),
  before: instant.optional().describe('Only tasks due by then; default all open ones.'),
  ...page,
  waitForPosition,
});
export const poolLeadsQuery = z.object({ ...page, waitForPosition });
