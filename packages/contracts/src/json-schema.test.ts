import { describe, expect, it } from 'vitest';
import { eventCatalog, eventJsonSchema } from './json-schema.ts';

describe('generated JSON Schema', () => {
  it('has one schema per public event type, each a CloudEvent with a literal type', () => {
    expect(eventCatalog.length).toBeGreaterThanOrEqual(13);
    for (const { type } of eventCatalog) {
      const schema = eventJsonSchema(type) as {
        properties: Record<string, { const?: string }>;
        required: string[];
      };
      expect(schema.properties.type?.const).toBe(type);
      expect(schema.required).toEqual(
        expect.arrayContaining(['id', 'source', 'type', 'subject', 'time', 'data']),
      );
    }
  });

  it('describes the data fields consumers read', () => {
    const schema = eventJsonSchema('crm.customer.registered.v1') as {
      properties: {
        data: { properties: Record<string, { description?: string }>; required: string[] };
      };
    };
    expect(schema.properties.data.required).toEqual(
      expect.arrayContaining(['customerId', 'kind', 'profile']),
    );
    expect(schema.properties.data.properties.customerId?.description).toMatch(/customer id/i);
  });

  it('has the refusal of a registration, with the lead id and the code required', () => {
    const schema = eventJsonSchema('crm.customer.registration_rejected.v1') as {
      properties: { data: { properties: Record<string, unknown>; required: string[] } };
    };
    expect(schema.properties.data.required).toEqual(
      expect.arrayContaining(['customerId', 'leadId', 'reason', 'rejectedAt']),
    );
    expect(schema.properties.data.required).not.toContain('existingCustomerId');
    expect(Object.keys(schema.properties.data.properties)).toContain('detail');
  });

  it('refuses an unknown type', () => {
    expect(() => eventJsonSchema('crm.customer.nope.v1')).toThrow(/unknown event type/);
  });
});
