// What the relay puts on crm.opportunities.v1: each internal event of a lead, opportunity, quote or
// order mapped to its public form (the aggregate's public-events.ts), checked against its contract
// schema, wrapped in a CloudEvent and encoded in the Kafka binary binding.
import {
  leadEventSchemas,
  opportunityEventSchemas,
  orderEventSchemas,
  quoteEventSchemas,
  toBinaryMessage,
} from '@crm/contracts';
import type { OutgoingMessage } from '@crm/event-bus';
import { toCloudEvent } from '@crm/event-processing';
import { categoryOf, type RecordedEvent } from '@crm/event-store';
import type { z } from 'zod';
import type { LeadEvent } from './lead/events.ts';
import { toPublicEvent as leadPublic } from './lead/public-events.ts';
import type { OpportunityEvent } from './opportunity/opportunity.ts';
import { toPublicEvent as opportunityPublic } from './opportunity/public-events.ts';
import type { OrderEvent } from './order/order.ts';
import { toPublicEvent as orderPublic } from './order/public-events.ts';
import type { QuoteEvent } from './quote/quote.ts';
import { toPublicEvent as quotePublic } from './quote/public-events.ts';
import { LEAD_CATEGORY, OPPORTUNITY_CATEGORY, ORDER_CATEGORY, QUOTE_CATEGORY } from './streams.ts';

export const SOURCE = 'crm/opportunities';

type Mapped = { type: string; data: unknown };
const schemas: Record<string, z.ZodType> = {
  ...leadEventSchemas,
  ...opportunityEventSchemas,
  ...quoteEventSchemas,
  ...orderEventSchemas,
};

/** The public event of an internal one, by the stream's category. */
export function toPublic(event: RecordedEvent): Mapped {
  const internal = { type: event.type, data: event.data };
  const category = categoryOf(event.streamId);
  switch (category) {
    case LEAD_CATEGORY:
      return leadPublic(internal as LeadEvent);
    case OPPORTUNITY_CATEGORY:
      return opportunityPublic(internal as OpportunityEvent);
    case QUOTE_CATEGORY:
      return quotePublic(internal as QuoteEvent);
    case ORDER_CATEGORY:
      return orderPublic(internal as OrderEvent);
    default:
      throw new Error(`no public events for stream category ${category}`);
  }
}

export function toOpportunitiesMessage(event: RecordedEvent): OutgoingMessage {
  const publicEvent = toPublic(event);
  const schema = schemas[publicEvent.type];
  // A contract violation must stop the relay (and be fixed), never reach ERP consumers.
  if (!schema) throw new Error(`no contract schema for ${publicEvent.type}`);
  const data = schema.parse(publicEvent.data);
  return toBinaryMessage(toCloudEvent(event, SOURCE, { type: publicEvent.type, data }));
}
