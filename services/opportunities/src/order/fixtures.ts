// Fixed ids, a fixed clock and builders of typical events and commands for order tests. Every
// builder takes overrides, so a test states only what matters to it.
import { aQuoteLine, itsTotals } from '../quote/fixtures.ts';
import type { QuoteSnapshot } from '../quote/snapshot.ts';
import type { OrderCommandBase } from './commands/command.ts';
import type { PlaceOrder } from './commands/place-order.ts';
import type { OrderCommand } from './decide.ts';
import { orderIdForQuote, type OrderPlaced } from './order.ts';

export const ids = {
  quote: 'quo-1001-v2',
  order: orderIdForQuote('quo-1001-v2'),
  orderNumber: 'SO-2026-000123',
  opportunity: 'opp-1001',
  customer: 'cus-1001',
  salesRep: 'usr-li-na',
} as const;

/** The clock of every test: Monday 2 March 2026, 09:30 in Shanghai. */
export const now = '2026-03-02T01:30:00.000Z';

/** Version 2 of the CNC quote, accepted by the customer. */
export const anAcceptedQuote = (overrides: Partial<QuoteSnapshot> = {}): QuoteSnapshot => ({
  quoteId: ids.quote,
  opportunityId: ids.opportunity,
  customerId: ids.customer,
  version: 2,
  currency: 'CNY',
  lines: [aQuoteLine],
  totals: itsTotals,
  validUntil: '2026-03-31',
  status: 'accepted',
  ...overrides,
});

export const theBuyer = {
  customerId: ids.customer,
  name: '深圳示例科技有限公司',
  kind: 'company',
  taxId: '91440300708461136T',
  phone: '+8675512345678',
  bankName: '招商银行深圳南山支行',
  bankAccount: '755912345610001',
} as const;

export const billingAddress = {
  country: 'CN',
  province: '广东省',
  city: '深圳市',
  district: '南山区',
  street: '科技园南区 1 号',
  postalCode: '518057',
};

export const shippingAddress = {
  country: 'CN',
  province: '广东省',
  city: '东莞市',
  street: '松山湖园区工业北路 8 号',
};

type Placement = OrderPlaced['data'];

export const anOrderPlaced = (overrides: Partial<Placement> = {}): OrderPlaced => ({
  type: 'OrderPlaced',
  data: {
    orderId: ids.order,
    orderNumber: ids.orderNumber,
    quoteId: ids.quote,
    quoteVersion: 2,
    opportunityId: ids.opportunity,
    customer: theBuyer,
    billingAddress,
    shippingAddress,
    recipient: { name: '赵工', phone: '+8613912345678' },
    ownerId: ids.salesRep,
    currency: 'CNY',
    lines: [{ ...aQuoteLine, lineNumber: 1 }],
    totals: itsTotals,
    placedAt: now,
    ...overrides,
  },
});

type CommandOf<Type> = Extract<OrderCommand, { type: Type }>;
type CommandFields<Type> = Omit<CommandOf<Type>, 'type' | keyof OrderCommandBase> &
  Partial<OrderCommandBase>;

/** A command for the fixture order, issued now by the sales rep. */
export const aCommand = <Type extends OrderCommand['type']>(
  type: Type,
  fields: CommandFields<Type>,
): CommandOf<Type> =>
  ({ type, orderId: ids.order, at: now, actor: ids.salesRep, ...fields }) as CommandOf<Type>;

/** Placing the order of the accepted quote, as the application assembles it. */
export const aPlacement = (overrides: Partial<PlaceOrder> = {}): PlaceOrder =>
  aCommand('PlaceOrder', {
    orderNumber: ids.orderNumber,
    quote: anAcceptedQuote(),
    customer: theBuyer,
    ownerId: ids.salesRep,
    billingAddress,
    shippingAddress,
    recipient: { name: '赵工', phone: '139 1234 5678' },
    ...overrides,
  });
