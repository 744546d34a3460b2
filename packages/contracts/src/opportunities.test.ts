import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cloudEventEnvelopeSchema } from './cloud-event.ts';
import {
  isOpportunityPublicEventType,
  isOrderPublicEventType,
  isQuotePublicEventType,
  opportunityEventSchemas,
  orderEventSchemas,
  quoteEventSchemas,
} from './opportunities.ts';

type JsonSchema = {
  description?: string;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const described = (schema: JsonSchema): boolean =>
  schema.description !== undefined || (schema.anyOf ?? []).some(described);

/** Paths of every field, at any depth (objects, arrays, nullable/optional), with no description. */
function undescribed(schema: JsonSchema, path: string): string[] {
  const nested = [schema, ...(schema.anyOf ?? [])];
  return nested.flatMap((part) => [
    ...Object.entries(part.properties ?? {}).flatMap(([field, property]) => [
      ...(described(property) ? [] : [`${path}.${field}`]),
      ...undescribed(property, `${path}.${field}`),
    ]),
    ...(part.items ? undescribed(part.items, `${path}[]`) : []),
  ]);
}

const registries = [
  { aggregate: 'opportunity', id: 'opportunityId', schemas: opportunityEventSchemas },
  { aggregate: 'quote', id: 'quoteId', schemas: quoteEventSchemas },
  { aggregate: 'order', id: 'orderId', schemas: orderEventSchemas },
] as const;

const everyType = registries.flatMap(({ aggregate, id, schemas }) =>
  Object.entries<z.ZodType>(schemas).map(([type, schema]) => ({ aggregate, id, type, schema })),
);

const line = {
  lineId: 'l-1',
  productId: 'SKU-CNC-200',
  productName: '数控机床 CNC-200',
  quantity: 2,
  unitPrice: '10000.00',
  discountPercent: 5,
  taxRatePercent: 13,
  grossAmount: '20000.00',
  discountAmount: '1000.00',
  netAmount: '19000.00',
  taxAmount: '2470.00',
  totalAmount: '21470.00',
};
const totals = {
  subtotal: '20000.00',
  discount: '1000.00',
  net: '19000.00',
  tax: '2470.00',
  total: '21470.00',
};
const anOrderPlaced = {
  orderId: 'ord-1',
  orderNumber: 'SO-2026-000123',
  quoteId: 'quo-1',
  quoteVersion: 2,
  opportunityId: 'opp-1',
  customer: {
    customerId: 'cus-1',
    name: '深圳示例科技有限公司',
    kind: 'company',
    taxId: '91440300708461136T',
  },
  billingAddress: { province: '广东省', city: '深圳市', district: '南山区' },
  shippingAddress: { province: '广东省', city: '东莞市', street: '松山湖大道 1 号' },
  ownerId: 'usr-li-na',
  currency: 'CNY',
  lines: [{ ...line, lineNumber: 1 }],
  totals,
  placedAt: '2026-03-02T01:30:00.000Z',
};

describe('opportunity, quote and order event contracts', () => {
  it.each(everyType.map((entry) => [entry.type, entry] as const))(
    '%s is a valid CloudEvent type of its aggregate',
    (type, { aggregate }) => {
      expect(type).toMatch(new RegExp(`^crm\\.${aggregate}\\.[a-z_]+\\.v1$`));
      expect(cloudEventEnvelopeSchema.shape.type.safeParse(type).success).toBe(true);
    },
  );

  it.each(everyType.map((entry) => [entry.type, entry] as const))(
    '%s has a JSON Schema that requires its id and describes every field',
    (type, { id, schema }) => {
      const json = z.toJSONSchema(schema) as JsonSchema;
      expect(json.required).toContain(id);
      for (const [field, property] of Object.entries(json.properties ?? {})) {
        expect(described(property), `${type}: ${field} has no description`).toBe(true);
      }
    },
  );

  it('describes every field of crm.order.placed.v1, however deep, for ERP integrators', () => {
    const json = z.toJSONSchema(orderEventSchemas['crm.order.placed.v1']) as JsonSchema;
    expect(undescribed(json, 'data')).toEqual([]);
    expect(json.description).toMatch(/ERP/);
  });

  it('knows its own types and no others', () => {
    expect(isOpportunityPublicEventType('crm.opportunity.won.v1')).toBe(true);
    expect(isOpportunityPublicEventType('crm.quote.issued.v1')).toBe(false);
    expect(isQuotePublicEventType('crm.quote.issued.v1')).toBe(true);
    expect(isOrderPublicEventType('crm.order.placed.v1')).toBe(true);
    expect(isOrderPublicEventType('crm.order.placed.v2')).toBe(false);
    expect(isOrderPublicEventType('toString')).toBe(false);
  });

  it('accepts a whole order as an ERP receives it, filling the country CN', () => {
    const data = orderEventSchemas['crm.order.placed.v1'].parse(anOrderPlaced);
    expect(data.billingAddress.country).toBe('CN');
    expect(data.lines[0]?.totalAmount).toBe('21470.00');
  });

  it('fills the currency CNY of an opportunity amount a producer leaves out', () => {
    const data = opportunityEventSchemas['crm.opportunity.amount_updated.v1'].parse({
      opportunityId: 'opp-1',
      amount: { amount: '120000.00' },
      previousAmount: { amount: '100000.00' },
    });
    expect(data.amount.currency).toBe('CNY');
  });

  it.each([
    [
      'an amount with three decimals',
      { totals: { ...totals, tax: '2470.005' } },
      ['totals', 'tax'],
    ],
    ['an amount as a number', { totals: { ...totals, total: 21470 } }, ['totals', 'total']],
    ['an order without lines', { lines: [] }, ['lines']],
    [
      'a taxpayer id in lower case',
      { customer: { customerId: 'c', name: 'x', taxId: 'ab12' } },
      ['customer', 'taxId'],
    ],
  ])('refuses %s, naming the field', (_, change, path) => {
    const result = orderEventSchemas['crm.order.placed.v1'].safeParse({
      ...anOrderPlaced,
      ...change,
    });
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('refuses a quantity of zero and a unit price with five decimals', () => {
    const drafted = quoteEventSchemas['crm.quote.drafted.v1'];
    const base = {
      quoteId: 'quo-1',
      opportunityId: 'opp-1',
      customerId: 'cus-1',
      version: 1,
      currency: 'CNY',
      totals,
      validUntil: '2026-03-31',
    };
    const zero = drafted.safeParse({ ...base, lines: [{ ...line, quantity: 0 }] });
    expect(zero.error?.issues[0]?.path).toEqual(['lines', 0, 'quantity']);
    const precise = drafted.safeParse({ ...base, lines: [{ ...line, unitPrice: '1.00001' }] });
    expect(precise.error?.issues[0]?.path).toEqual(['lines', 0, 'unitPrice']);
  });

  it('tells why a deal changed customer, and refuses a reason it does not know', () => {
    const changed = opportunityEventSchemas['crm.opportunity.customer_changed.v1'];
    const data = {
      opportunityId: 'opp-1',
      previousCustomerId: 'cus-derived',
      customerId: 'cus-existing',
      reason: 'lead_linked_to_existing_customer',
      changedBy: 'usr-li-na',
      changedAt: '2026-03-02T01:30:00.000Z',
    };
    expect(changed.parse(data)).toEqual(data);
    const bad = changed.safeParse({ ...data, reason: 'merged' });
    expect(bad.error?.issues[0]?.path).toEqual(['reason']);
  });

  it('refuses a stage id that is not snake case', () => {
    const changed = opportunityEventSchemas['crm.opportunity.stage_changed.v1'];
    const bad = changed.safeParse({
      opportunityId: 'opp-1',
      stage: 'Needs Analysis',
      previousStage: 'qualification',
      probability: 20,
    });
    expect(bad.error?.issues[0]?.path).toEqual(['stage']);
  });
});
