import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cloudEventEnvelopeSchema } from './cloud-event.ts';
import { customerEventSchemas } from './customers.ts';
import { isLeadPublicEventType, leadEventSchemas, leadPublicEventTypes } from './leads.ts';

type JsonSchema = {
  description?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const described = (schema: JsonSchema): boolean =>
  schema.description !== undefined || (schema.anyOf ?? []).some(described);

const registration = {
  customerId: 'cus-lead-1001',
  kind: 'company',
  profile: {
    name: '深圳示例科技有限公司',
    address: { province: '广东省', city: '深圳市' },
    industry: 'manufacturing',
  },
  phones: ['+8613812345678'],
  emails: ['li.lei@example.cn'],
  source: 'lead_conversion',
  lifecycleStage: 'prospect',
  ownerId: 'usr-li-na',
};

const converted = {
  leadId: 'lead-1001',
  opportunityId: 'opp-2002',
  customerId: 'cus-lead-1001',
  customerRegistration: registration,
  ownerId: 'usr-li-na',
  convertedBy: 'usr-li-na',
};

describe('lead event contracts', () => {
  it.each(leadPublicEventTypes)('%s is a valid CloudEvent type of the lead aggregate', (type) => {
    expect(type).toMatch(/^crm\.lead\.[a-z_]+\.v1$/);
    expect(cloudEventEnvelopeSchema.shape.type.safeParse(type).success).toBe(true);
  });

  it.each(leadPublicEventTypes)('%s has a JSON Schema that describes every field', (type) => {
    const schema = z.toJSONSchema(leadEventSchemas[type]) as JsonSchema;
    expect(schema.required).toContain('leadId');
    for (const [field, property] of Object.entries(schema.properties ?? {})) {
      expect(described(property), `${type}: ${field} has no description`).toBe(true);
    }
  });

  it('knows its own types and no others', () => {
    expect(isLeadPublicEventType('crm.lead.converted.v1')).toBe(true);
    expect(isLeadPublicEventType('crm.lead.converted.v2')).toBe(false);
    expect(isLeadPublicEventType('crm.customer.registered.v1')).toBe(false);
    expect(isLeadPublicEventType('toString')).toBe(false);
  });

  it('carries in crm.lead.converted.v1 a registration the customers contract accepts', () => {
    const data = leadEventSchemas['crm.lead.converted.v1'].parse(converted);
    const request = data.customerRegistration;
    expect(request?.profile.address?.country).toBe('CN');
    // What the customers service will publish once it registers the requested customer.
    const registered = customerEventSchemas['crm.customer.registered.v1'].safeParse({
      customerId: request?.customerId,
      kind: request?.kind,
      profile: request?.profile,
      phones: request?.phones,
      emails: request?.emails,
      tags: [],
      classification: { lifecycleStage: request?.lifecycleStage },
      source: request?.source,
      ownerId: request?.ownerId,
    });
    expect(registered.error?.issues ?? []).toEqual([]);
  });

  it('takes a conversion to an existing customer with no registration', () => {
    const result = leadEventSchemas['crm.lead.converted.v1'].safeParse({
      ...converted,
      customerId: 'cus-0042',
      customerRegistration: null,
    });
    expect(result.success).toBe(true);
  });

  it('refuses a registration from any source but lead_conversion, naming the field', () => {
    const result = leadEventSchemas['crm.lead.converted.v1'].safeParse({
      ...converted,
      customerRegistration: { ...registration, source: 'website' },
    });
    expect(result.error?.issues[0]?.path).toEqual(['customerRegistration', 'source']);
  });

  it('refuses lead_conversion as the source of a lead', () => {
    const result = leadEventSchemas['crm.lead.captured.v1'].safeParse({
      leadId: 'lead-1001',
      name: '李雷',
      phones: ['+8613812345678'],
      emails: [],
      source: 'lead_conversion',
      poolId: 'pool-south',
      ownerId: null,
      capturedBy: 'usr-li-na',
      capturedAt: '2026-03-02T01:30:00.000Z',
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['source']]);
  });

  it('refuses a blocked conversion whose reason is not a code', () => {
    const result = leadEventSchemas['crm.lead.conversion_blocked.v1'].safeParse({
      leadId: 'lead-1001',
      customerId: 'cus-lead-1001',
      reason: 'phone taken',
    });
    expect(result.error?.issues[0]?.path).toEqual(['reason']);
  });
});
