// The public events of orders (销售订单), on topic crm.opportunities.v1; subject = orderId.
// crm.order.placed.v1 is the event ERP systems (Kingdee, Yonyou, SAP…) subscribe to: it carries
// everything needed to create the sales order and the VAT invoice without calling back.
import { z } from 'zod';
import { customerIdSchema } from './customers.ts';
import { addressSchema, customerKindSchema } from './customers-values.ts';
import {
  calendarDateSchema,
  currencyCodeSchema,
  opportunityIdSchema,
  orderIdSchema,
  quoteIdSchema,
  quoteLineSchema,
  totalsSchema,
  userIdSchema,
} from './opportunities-values.ts';
import { phoneSchema } from './phone.ts';

const isoTime = z.iso.datetime({ offset: true });
const orderNumber = z
  .string()
  .min(1)
  .max(50)
  .describe('The human-readable order number (订单编号), unique per tenant, e.g. SO-2026-000123.');

export const orderCustomerSchema = z
  .object({
    customerId: customerIdSchema.describe('The customer id in the CRM (crm.customers.v1).'),
    name: z
      .string()
      .min(1)
      .max(200)
      .describe('The buyer name as it goes on the invoice (购买方名称).'),
    kind: customerKindSchema.optional(),
    taxId: z
      .string()
      .regex(/^[0-9A-Z]{15,20}$/)
      .optional()
      .describe(
        "Buyer's taxpayer id (纳税人识别号): for mainland organisations the unified social credit " +
          'code (统一社会信用代码); absent for individuals.',
      ),
    phone: phoneSchema.optional().describe("Buyer's phone for the invoice (地址、电话)."),
    bankName: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Buyer's bank for the invoice (开户行)."),
    bankAccount: z
      .string()
      .min(1)
      .max(50)
      .optional()
      .describe("Buyer's bank account number for the invoice (账号)."),
  })
  .describe('Who buys: what the ERP needs to match or create the customer and invoice them.');

export const orderLineSchema = quoteLineSchema
  .extend({
    lineNumber: z
      .number()
      .int()
      .positive()
      .describe('1-based position of the line in the order (行号).'),
  })
  .describe('An order line, priced exactly as on the accepted quote.');

export const orderEventSchemas = {
  'crm.order.placed.v1': z
    .object({
      orderId: orderIdSchema,
      orderNumber,
      quoteId: quoteIdSchema.describe('The accepted quote the order was placed from.'),
      quoteVersion: z.number().int().positive().describe('The version of that quote.'),
      opportunityId: opportunityIdSchema.describe('The opportunity the order closes.'),
      customer: orderCustomerSchema,
      billingAddress: addressSchema.describe('Where the invoice goes (开票地址).'),
      shippingAddress: addressSchema.describe('Where the goods go (收货地址).'),
      recipient: z
        .object({
          name: z.string().min(1).max(100).describe('Who receives the goods (收货人).'),
          phone: phoneSchema.optional().describe("The recipient's phone (联系电话)."),
        })
        .optional()
        .describe('The person who receives the delivery, when given.'),
      ownerId: userIdSchema.describe('The sales rep who owns the deal.'),
      currency: currencyCodeSchema,
      lines: z.array(orderLineSchema).min(1).max(200).describe('The order lines, in order.'),
      totals: totalsSchema,
      requestedDeliveryDate: calendarDateSchema
        .optional()
        .describe('When the customer wants the goods (要求交货日期).'),
      note: z.string().min(1).max(2000).optional().describe('Remarks for fulfilment.'),
      placedAt: isoTime.describe('When the order was placed.'),
    })
    .describe('A sales order was placed from an accepted quote: the ERP creates it on receipt.'),
  'crm.order.fulfilled.v1': z
    .object({
      orderId: orderIdSchema,
      orderNumber,
      reference: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .describe('The delivery or outbound document number in the ERP (出库单号).'),
      fulfilledAt: isoTime.describe('When fulfilment was recorded.'),
    })
    .describe('The order was fulfilled: it can no longer be cancelled.'),
  'crm.order.cancelled.v1': z
    .object({
      orderId: orderIdSchema,
      orderNumber,
      reason: z.string().min(1).max(500).describe('Why it was cancelled.'),
      cancelledAt: isoTime.describe('When it was cancelled.'),
    })
    .describe('The order was cancelled before fulfilment: the ERP voids it.'),
} as const;

export type OrderPublicEventType = keyof typeof orderEventSchemas;

export type OrderPublicEventData<Type extends OrderPublicEventType> = z.infer<
  (typeof orderEventSchemas)[Type]
>;

/** One public event of the order aggregate: its wire type and its data. */
export type OrderPublicEvent = {
  [Type in OrderPublicEventType]: { type: Type; data: OrderPublicEventData<Type> };
}[OrderPublicEventType];

export const orderPublicEventTypes = Object.keys(orderEventSchemas) as OrderPublicEventType[];

/** Consumers ignore types they do not know; this tells them which ones they do. */
export const isOrderPublicEventType = (type: string): type is OrderPublicEventType =>
  Object.hasOwn(orderEventSchemas, type);

export type OrderCustomer = z.infer<typeof orderCustomerSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;
