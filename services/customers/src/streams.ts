// Stream names in the customers log: `customer-<customerId>` per customer; contact claims in
// contacts/contact-claims.ts. The relay publishes only the customer category.
export const CUSTOMER_CATEGORY = 'customer';
export const customerStreamId = (customerId: string): string =>
  `${CUSTOMER_CATEGORY}-${customerId}`;
