import { describe, expect, it } from 'vitest';
import { importedCustomerId } from './customer-key.ts';

describe('importedCustomerId', () => {
  const contacts = { phones: ['138 0013 8000'], emails: ['Wang@Example.com'] };

  it('takes a stated id as it is', () => {
    const id = 'A1B2C3D4-0000-4000-8000-000000000001';
    expect(importedCustomerId({ id, externalId: 'ERP-1', ...contacts })).toBe(id.toLowerCase());
  });

  it('derives the same id from the same external id, whatever else changed', () => {
    const first = importedCustomerId({ externalId: 'ERP-1', ...contacts });
    const second = importedCustomerId({ externalId: 'ERP-1', phones: [], emails: ['a@b.cn'] });
    expect(first).toBe(second);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedCustomerId({ externalId: 'ERP-2', ...contacts })).not.toBe(first);
  });

  it('falls back to the first phone as normalised, then the first e-mail', () => {
    const byPhone = importedCustomerId(contacts);
    expect(importedCustomerId({ phones: ['+86 13800138000'], emails: [] })).toBe(byPhone);
    const byEmail = importedCustomerId({ phones: [], emails: ['Wang@Example.com'] });
    expect(byEmail).not.toBe(byPhone);
    expect(importedCustomerId({ phones: [], emails: ['wang@example.com'] })).toBe(byEmail);
  });

  it('has nothing to go on without an id, a phone or an e-mail', () => {
    expect(importedCustomerId({ phones: [], emails: [] })).toBeNull();
  });
});
