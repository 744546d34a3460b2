// What the opportunity API accepts and answers, as zod schemas: they validate requests (400 naming
// every bad field), shape responses and become the OpenAPI document. Formats are checked here;
// the domain's rules (stages, sums, closing) answer 422 with their own codes.
import {
  detailQuery,
  ifMatchHeaders,
  pageQuery,
  waitForPositionQuery,
  writeResult,
} from '@crm/service-kit';
import { z } from 'zod';
import { lossReasons } from './commands/lose-opportunity.ts';

export const id = z.string().trim().min(1).max(100);
export const amountInput = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,2})?$/, 'a decimal amount with at most 2 decimals, e.g. "120000.00"')
  .describe('Decimal string in major units (元), never a float.');
export const unitPriceInput = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,4})?$/, 'a decimal price with at most 4 decimals, e.g. "99.5"');
export const currencyInput = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY');
export const dateInput = z.iso.date().describe('YYYY-MM-DD');
export const percentInput = z.number().min(0).max(100);
export const stageInput = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a stage id such as proposal');

export const lineItemInput = z.object({
  lineId: id,
  productId: id,
  productName: z.string().trim().min(1).max(200),
  quantity: z.number().positive().max(1_000_000_000),
  unitPrice: unitPriceInput,
  discountPercent: percentInput.optional(),
});
export const lineItemsInput = z.array(lineItemInput).max(200);

export const openBody = z.object({
  id: id.optional().describe('Choose the id yourself to make a retried POST safe.'),
  customerId: id,
  name: z.string().trim().min(1).max(200),
  ownerId: id.optional().describe('Defaults to the caller.'),
  currency: currencyInput.optional(),
  amount: amountInput.optional(),
  lineItems: lineItemsInput.optional(),
  expectedCloseDate: dateInput,
  stage: stageInput.optional(),
  sourceCampaignId: id.optional(),
});

export const stageBody = z.object({ stage: stageInput });
export const amountBody = z.object({ amount: amountInput });
export const lineItemsBody = z.object({ lineItems: lineItemsInput });
export const expectedCloseBody = z.object({ expectedCloseDate: dateInput });
export const competitorBody = z.object({
  name: z.string().trim().min(1).max(200),
  strengths: z.string().trim().min(1).max(1000).optional(),
  weaknesses: z.string().trim().min(1).max(1000).optional(),
});
export const ownerBody = z.object({ ownerId: id, team: id.optional() });
export const winBody = z.object({
  actualAmount: amountInput.optional().describe('Required by the rules: AMOUNT_REQUIRED without.'),
});
export const loseBody = z.object({
  reason: z.enum(lossReasons as [string, ...string[]]),
  competitor: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().min(1).max(1000).optional(),
});
export const reopenBody = z.object({
  reason: z.string().trim().min(1).max(500),
  stage: stageInput.optional(),
});

export const idParams = z.object({ id });
export { detailQuery, ifMatchHeaders, writeResult };

const listFields = {
  stage: z.string().min(1).max(40).optional().describe('An open stage, or won / lost.'),
  status: z.enum(['open', 'won', 'lost', 'all']).default('all'),
  ownerId: id.optional(),
  team: id.optional(),
  customerId: id.optional(),
  closingFrom: dateInput.optional().describe('Expected close on or after this day.'),
  closingTo: dateInput.optional().describe('Expected close on or before this day.'),
  q: z.string().trim().min(1).max(100).optional().describe('Name contains this.'),
  sort: z
    .enum(['expectedCloseDate', '-expectedCloseDate', 'updatedAt', '-updatedAt', 'name'])
    .default('-updatedAt'),
  ...pageQuery(),
  waitForPosition: waitForPositionQuery,
};
export const searchQuery = z.object(listFields);
export type SearchQuery = z.infer<typeof searchQuery>;

export const closingQuery = z.object({
  period: z.enum(['month', 'quarter']).default('month'),
  ownerId: id.optional(),
  team: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  waitForPosition: waitForPositionQuery,
});

export const timelineQuery = z.object({
  ...pageQuery({ max: 500, default: 100 }),
  order: z.enum(['asc', 'desc']).default('asc'),
  waitForPosition: waitForPositionQuery,
});

export const pipelineQuery = z.object({
  owner: id.optional(),
  team: id.optional(),
  currency: currencyInput.default('CNY'),
  waitForPosition: waitForPositionQuery,
});
