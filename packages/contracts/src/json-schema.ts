// JSON Schema for every public event, generated from the zod contracts (never written by hand):
// the whole CloudEvent (envelope + typed data) per type, as ERP consumers validate messages.
import { z } from 'zod';
import { cloudEventSchema } from './cloud-event.ts';
import { customerEventSchemas } from './customers.ts';
import { leadEventSchemas } from './leads.ts';
import { opportunityEventSchemas, orderEventSchemas, quoteEventSchemas } from './opportunities.ts';
import { topics } from './topics.ts';

/** Every public event type of every topic, with the schema of its data. */
export const eventCatalog = [
  ...Object.entries(customerEventSchemas).map(([type, data]) => ({
    topic: topics.customers,
    type,
    data,
  })),
  ...[leadEventSchemas, opportunityEventSchemas, quoteEventSchemas, orderEventSchemas].flatMap(
    (schemas: Record<string, z.ZodType>) =>
      Object.entries(schemas).map(([type, data]) => ({ topic: topics.opportunities, type, data })),
  ),
];

export function eventJsonSchema(type: string): Record<string, unknown> {
  const entry = eventCatalog.find((candidate) => candidate.type === type);
  if (!entry) throw new Error(`unknown event type ${type}`);
  return {
    $id: `urn:crm:event:${type}`,
    title: type,
    ...z.toJSONSchema(cloudEventSchema(type, entry.data), { io: 'input', target: 'draft-2020-12' }),
  };
}
