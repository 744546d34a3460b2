// Name-based UUIDs (RFC 9562 version 5): the same namespace and name give the same id on every
// machine, so an id derived from what a record is makes a replayed or repeated request idempotent.
// node:crypto makes v4 only; v5 is SHA-1 over the namespace's bytes and the name's UTF-8 bytes.
import { createHash } from 'node:crypto';

export function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/** Fixed for ever: changing it would give every lead a new customer id. */
export const LEAD_CUSTOMER_NAMESPACE = '5b0c6a52-7d1e-4f3a-9c8b-2e4d6f8a1b3c';

/**
 * The id of the customer a lead converts into when no existing customer is linked: derived from
 * the lead id alone, so a replayed or duplicated conversion asks for the same customer and the
 * customers service creates nothing twice.
 */
export const customerIdForLead = (leadId: string): string =>
  uuidV5(LEAD_CUSTOMER_NAMESPACE, leadId);
