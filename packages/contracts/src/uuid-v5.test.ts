import { describe, expect, it } from 'vitest';
import { customerIdForLead, uuidV5 } from './uuid-v5.ts';

describe('uuidV5', () => {
  it('matches the RFC 9562 algorithm (the DNS namespace example every library checks)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('the customer id derived from a lead id', () => {
  it('is the same for the same lead and differs between leads', () => {
    expect(customerIdForLead('lead-1')).toBe(customerIdForLead('lead-1'));
    expect(customerIdForLead('lead-1')).not.toBe(customerIdForLead('lead-2'));
    expect(customerIdForLead('lead-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  });

  it('never changes: published conversions name customers by it', () => {
    expect(customerIdForLead('lead-1')).toBe(
      uuidV5('5b0c6a52-7d1e-4f3a-9c8b-2e4d6f8a1b3c', 'lead-1'),
    );
  });
});
