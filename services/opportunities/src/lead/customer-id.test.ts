import { describe, expect, it } from 'vitest';
import { customerIdForLead, uuidV5 } from './customer-id.ts';

describe('the customer id derived from a lead id', () => {
  it('is RFC 4122 version 5 (the known vector of the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is the same for the same lead and differs between leads', () => {
    expect(customerIdForLead('lead-1')).toBe(customerIdForLead('lead-1'));
    expect(customerIdForLead('lead-1')).not.toBe(customerIdForLead('lead-2'));
    expect(customerIdForLead('lead-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  });
});
