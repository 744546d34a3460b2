import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cloudEventEnvelopeSchema } from './cloud-event.ts';
import {
  customerEventSchemas,
  customerPublicEventTypes,
  isCustomerPublicEventType,
} from './customers.ts';

type JsonSchema = {
  description?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const described = (schema: JsonSchema): boolean =>
  schema.description !== undefined || (schema.anyOf ?? []).some(described);

describe('customer event contracts', () => {
  it.each(customerPublicEventTypes)(
    '%s is a valid CloudEvent type of the customer aggregate',
    (type) => {
      expect(type).toMatch(/^crm\.customer\.[a-z_]+\.v1$/);
      expect(cloudEventEnvelopeSchema.shape.type.safeParse(type).success).toBe(true);
    },
  );

  it.each(customerPublicEventTypes)('%s has a JSON Schema that describes every field', (type) => {
    const schema = z.toJSONSchema(customerEventSchemas[type]) as JsonSchema;
    expect(schema.required).toContain('customerId');
    for (const [field, property] of Object.entries(schema.properties ?? {})) {
      expect(described(property), `${type}: ${field} has no description`).toBe(true);
    }
  });

  it('knows its own types and no others', () => {
    expect(isCustomerPublicEventType('crm.customer.registered.v1')).toBe(true);
    expect(isCustomerPublicEventType('crm.customer.registered.v9')).toBe(false);
    expect(isCustomerPublicEventType('toString')).toBe(false);
  });

  it('fills the defaults a producer may leave out (country CN, currency CNY)', () => {
    const data = customerEventSchemas['crm.customer.registered.v1'].parse({
      customerId: 'c-1',
      kind: 'company',
      profile: {
        name: '上海示例科技有限公司',
        address: { province: '上海市', city: '上海市', district: '浦东新区' },
        registeredCapital: { amount: '5000000.00' },
      },
      phones: ['+862155551234'],
      emails: [],
      tags: [],
      classification: { lifecycleStage: 'lead' },
      ownerId: null,
    });
    expect(data.profile.address?.country).toBe('CN');
    expect(data.profile.registeredCapital?.currency).toBe('CNY');
  });

  it('refuses data that breaks the contract, naming the field', () => {
    const result = customerEventSchemas['crm.customer.tagged.v1'].safeParse({
      customerId: 'c-1',
      tags: [],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['tags']);
  });

  it('carries the lead id of a customer registered from a lead, and stays valid without it', () => {
    const registered = customerEventSchemas['crm.customer.registered.v1'];
    const data = {
      customerId: 'cus-lead-1',
      kind: 'person',
      profile: { name: '张伟' },
      phones: ['+8613800138000'],
      emails: [],
      tags: [],
      classification: { lifecycleStage: 'prospect' },
      source: 'lead_conversion',
      ownerId: 'rep-1',
    };
    expect(registered.parse({ ...data, leadId: 'lead-1' }).leadId).toBe('lead-1');
    expect(registered.parse(data).leadId).toBeUndefined();
  });

  it('describes a refused registration by a stable code, the lead and the existing customer', () => {
    const rejected = customerEventSchemas['crm.customer.registration_rejected.v1'];
    const data = rejected.parse({
      customerId: 'cus-lead-1',
      leadId: 'lead-1',
      reason: 'DUPLICATE_CONTACT',
      existingCustomerId: 'c-9',
      rejectedAt: '2026-11-23T08:00:00.000+08:00',
    });
    expect(data).toMatchObject({ leadId: 'lead-1', existingCustomerId: 'c-9' });
    const lowerCase = rejected.safeParse({ ...data, reason: 'duplicate contact' });
    expect(lowerCase.error?.issues[0]?.path).toEqual(['reason']);
    const withoutLead = rejected.safeParse({ ...data, leadId: undefined });
    expect(withoutLead.error?.issues[0]?.path).toEqual(['leadId']);
  });
});
