// The values that opportunity, quote and order events are made of. Money travels as decimal strings
// (never floats); quantities and percentages as JSON numbers with a bounded number of decimals.
import { z } from 'zod';

export const opportunityIdSchema = z
  .string()
  .min(1)
  .max(100)
  .describe('The opportunity id; the CloudEvent subject and Kafka key of its events.');

export const quoteIdSchema = z
  .string()
  .min(1)
  .max(100)
  .describe('The quote id (one per version); the CloudEvent subject and Kafka key of its events.');

export const orderIdSchema = z
  .string()
  .min(1)
  .max(100)
  .describe('The order id; the CloudEvent subject and Kafka key of its events.');

export const userIdSchema = z.string().min(1).max(100).describe('A user id.');

export const teamIdSchema = z
  .string()
  .min(1)
  .max(100)
  .describe('The sales team (销售团队) the opportunity is counted in.');

export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 4217 currency code of every amount in the event, e.g. CNY.');

/** Every computed amount: rounded half-up to the fen, always two decimals. */
export const amountSchema = z
  .string()
  .regex(/^\d{1,15}\.\d{2}$/)
  .describe('An amount in major units with exactly two decimals, as a string, e.g. "11300.00".');

export const unitPriceSchema = z
  .string()
  .regex(/^\d{1,15}\.\d{2,4}$/)
  .describe(
    'Unit price excluding tax (不含税单价) in major units, two to four decimals, as a string, ' +
      'e.g. "1200.00" or "0.0350".',
  );

export const quantitySchema = z
  .number()
  .positive()
  .max(1_000_000_000)
  .describe('Quantity in the unit of the product, greater than 0, at most four decimals.');

export const discountPercentSchema = z
  .number()
  .min(0)
  .max(100)
  .describe('Discount off the line (折扣) in percent, 0-100, at most two decimals; 0 = none.');

export const taxRatePercentSchema = z
  .number()
  .min(0)
  .max(100)
  .describe('VAT rate (增值税税率) in percent, 0-100, at most two decimals, e.g. 13, 9, 6, 0.');

export const calendarDateSchema = z.iso.date();

export const pipelineStageIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/)
  .describe(
    'An open pipeline stage, e.g. qualification, needs_analysis, proposal, negotiation; ' +
      'won and lost are the closing stages, never open ones.',
  );

export const probabilitySchema = z
  .number()
  .int()
  .min(0)
  .max(100)
  .describe('Win probability in percent (赢率) of the stage, 0-100.');

export const pipelineSchema = z
  .object({
    pipelineId: z.string().min(1).max(100).describe('Which pipeline configuration this is.'),
    stages: z
      .array(
        z
          .object({ stage: pipelineStageIdSchema, probability: probabilitySchema })
          .describe('One open stage and its win probability.'),
      )
      .min(1)
      .max(20)
      .describe('The open stages in pipeline order. Won (100%) and lost (0%) close it.'),
  })
  .describe('The pipeline stages as configured when the opportunity was opened (a snapshot).');

export const lossReasonSchema = z
  .enum(['price', 'product_fit', 'competitor', 'timing', 'no_decision', 'other'])
  .describe(
    'Why the opportunity was lost (输单原因): price, product_fit (the product did not fit), ' +
      'competitor (a competitor won it), timing, no_decision (the customer did not decide), other.',
  );

export const opportunityStatusSchema = z
  .enum(['open', 'won', 'lost'])
  .describe('open: in the pipeline; won / lost: closed.');

export const competitorSchema = z
  .object({
    name: z.string().min(1).max(200).describe('The competing company or product.'),
    strengths: z.string().min(1).max(1000).optional().describe('Where it is stronger than us.'),
    weaknesses: z.string().min(1).max(1000).optional().describe('Where it is weaker than us.'),
  })
  .describe('A competitor on the opportunity (竞争对手).');

const lineFields = {
  lineId: z.string().min(1).max(100).describe('Unique within the opportunity, quote or order.'),
  productId: z
    .string()
    .min(1)
    .max(100)
    .describe('The product (产品编码), as the catalogue knows it.'),
  productName: z.string().min(1).max(200).describe('The product name as shown to the customer.'),
  quantity: quantitySchema,
  unitPrice: unitPriceSchema,
  discountPercent: discountPercentSchema,
};

export const opportunityLineItemSchema = z
  .object({
    ...lineFields,
    netAmount: amountSchema.describe(
      'quantity × unitPrice, less the discount, rounded half-up to the fen.',
    ),
  })
  .describe('A product line of the opportunity (no tax: the quote adds it).');

export const quoteLineSchema = z
  .object({
    ...lineFields,
    taxRatePercent: taxRatePercentSchema,
    grossAmount: amountSchema.describe('quantity × unitPrice, rounded half-up to the fen.'),
    discountAmount: amountSchema.describe(
      'grossAmount × discountPercent / 100, rounded half-up to the fen.',
    ),
    netAmount: amountSchema.describe(
      'grossAmount - discountAmount: the amount excluding tax (不含税金额).',
    ),
    taxAmount: amountSchema.describe(
      'netAmount × taxRatePercent / 100, rounded half-up to the fen (税额).',
    ),
    totalAmount: amountSchema.describe('netAmount + taxAmount: including tax (价税合计).'),
  })
  .describe('A priced line of a quote; amounts are computed per line, then summed.');

export const totalsSchema = z
  .object({
    subtotal: amountSchema.describe('Sum over the lines of grossAmount (before discount and tax).'),
    discount: amountSchema.describe('Sum over the lines of discountAmount.'),
    net: amountSchema.describe(
      'Sum over the lines of netAmount: subtotal - discount, excluding tax.',
    ),
    tax: amountSchema.describe('Sum over the lines of taxAmount (税额合计).'),
    total: amountSchema.describe('Sum over the lines of totalAmount: net + tax (价税合计).'),
  })
  .describe('The totals of all lines, in the event currency.');

export type OpportunityLineItem = z.infer<typeof opportunityLineItemSchema>;
export type QuoteLine = z.infer<typeof quoteLineSchema>;
export type Totals = z.infer<typeof totalsSchema>;
export type Pipeline = z.infer<typeof pipelineSchema>;
export type PipelineStage = Pipeline['stages'][number];
export type LossReason = z.infer<typeof lossReasonSchema>;
export type OpportunityStatus = z.infer<typeof opportunityStatusSchema>;
export type Competitor = z.infer<typeof competitorSchema>;
