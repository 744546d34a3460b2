// What the relay puts on crm.customers.v1: each internal customer event mapped to its public form
// (public-events.ts), wrapped in a CloudEvent and encoded in the Kafka binary binding.
import { customerEventSchemas, toBinaryMessage } from '@crm/contracts';
import type { OutgoingMessage } from '@crm/event-bus';
import { toCloudEvent } from '@crm/event-processing';
import type { RecordedEvent } from '@crm/event-store';
import type { CustomerEvent } from './customer/customer.ts';
import { toPublicEvent } from './customer/public-events.ts';

export const SOURCE = 'crm/customers';

export function toCustomerMessage(event: RecordedEvent): OutgoingMessage {
  const publicEvent = toPublicEvent({ type: event.type, data: event.data } as CustomerEvent);
  // A contract violation must stop the relay (and be fixed), never reach ERP consumers.
  const data = customerEventSchemas[publicEvent.type].parse(publicEvent.data);
  return toBinaryMessage(toCloudEvent(event, SOURCE, { type: publicEvent.type, data }));
}
