// The customer a converted lead asks the customers service to register gets an id derived from the
// lead id alone (a name-based UUID, version 5), so a replayed or duplicated conversion asks for the
// same customer and creates nothing twice. node:crypto has v4 only; v5 is SHA-1 over namespace+name.
import { createHash } from 'node:crypto';

/** Fixed for ever: changing it would give every lead a new customer id. */
export const LEAD_CUSTOMER_NAMESPACE = '5b0c6a52-7d1e-4f3a-9c8b-2e4d6f8a1b3c';

export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/** The id of the customer a lead converts into when no existing customer is linked. */
export const customerIdForLead = (leadId: string): string =>
  uuidV5(leadId, LEAD_CUSTOMER_NAMESPACE);
