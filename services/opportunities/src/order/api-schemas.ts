// What the order API accepts: the accepted quote, the invoice details the customer lookup does
// not hold, the addresses, and what fulfilment or cancellation records.
import { pageQuery, waitForPositionQuery } from '@crm/service-kit';
import { z } from 'zod';
import { dateInput, id } from '../opportunity/api-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const addressInput = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 two-letter code')
    .optional(),
  province: text(50),
  city: text(50),
  district: text(50).optional(),
  street: text(200).optional(),
  postalCode: text(16).optional(),
});

export const placeBody = z.object({
  quoteId: id.describe('An accepted quote: one order per quote.'),
  customer: z
    .object({
      name: text(200).optional().describe('Buyer name on the invoice; the customer’s by default.'),
      kind: z.enum(['person', 'company']).optional(),
      taxId: z.string().max(30).optional().describe('纳税人识别号 / unified social credit code.'),
      phone: z.string().max(40).optional(),
      bankName: text(200).optional(),
      bankAccount: text(50).optional(),
    })
    .optional(),
  billingAddress: addressInput,
  shippingAddress: addressInput,
  recipient: z.object({ name: text(100), phone: z.string().max(40).optional() }).optional(),
  requestedDeliveryDate: dateInput.optional(),
  note: text(2000).optional(),
});
export type PlaceBody = z.infer<typeof placeBody>;

export const fulfilBody = z.object({
  reference: text(100).optional().describe('The ERP’s outbound document number (出库单号).'),
});
export const cancelBody = z.object({ reason: text(500) });

export const ordersQuery = z.object({
  customerId: id.optional(),
  opportunityId: id.optional(),
  status: z.enum(['placed', 'fulfilled', 'cancelled']).optional(),
  ...pageQuery(),
  waitForPosition: waitForPositionQuery,
});
