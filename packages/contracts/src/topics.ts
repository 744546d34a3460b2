// Kafka topics: one per service and major version. ERP/OA consumers subscribe to these names.
export const topics = {
  customers: 'crm.customers.v1',
  opportunities: 'crm.opportunities.v1',
  campaigns: 'crm.campaigns.v1',
  tickets: 'crm.tickets.v1',
} as const;

export type Topic = (typeof topics)[keyof typeof topics];

/** The dead-letter topic of a consumer group: where messages it cannot read or handle are parked. */
export const deadLetterTopic = (groupId: string): string => `crm.dlq.${groupId}`;
