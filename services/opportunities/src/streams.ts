// Stream names in the opportunities log: one stream per aggregate, `<category>-<id>`. The relay
// publishes every category here to crm.opportunities.v1.
export const LEAD_CATEGORY = 'lead';
export const OPPORTUNITY_CATEGORY = 'opportunity';
export const QUOTE_CATEGORY = 'quote';
export const ORDER_CATEGORY = 'order';
export const SALES_CATEGORIES = [
  LEAD_CATEGORY,
  OPPORTUNITY_CATEGORY,
  QUOTE_CATEGORY,
  ORDER_CATEGORY,
];

export const leadStreamId = (leadId: string): string => `${LEAD_CATEGORY}-${leadId}`;
export const opportunityStreamId = (opportunityId: string): string =>
  `${OPPORTUNITY_CATEGORY}-${opportunityId}`;
export const quoteStreamId = (quoteId: string): string => `${QUOTE_CATEGORY}-${quoteId}`;
export const orderStreamId = (orderId: string): string => `${ORDER_CATEGORY}-${orderId}`;
