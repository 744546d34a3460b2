// One message of crm.customers.v1 read into a typed public event, or null for a type this
// service does not know. What cannot be read or breaks its schema throws an error that consume()
// treats as permanent, so it is parked on the dead-letter topic at once.
import {
  customerEventSchemas,
  fromBinaryMessage,
  isCustomerPublicEventType,
  type CustomerPublicEvent,
} from '@crm/contracts';
import { PermanentError } from '@crm/event-bus';

/** A customer event as this service uses it: the public event plus what the envelope says. */
export type CustomerFeedEvent = CustomerPublicEvent & {
  /** The CloudEvent id (unique per event). */
  id: string;
  /** The revision of the event in the customer's stream: guards every write of the lookup. */
  revision: number;
  correlationId: string;
  traceparent?: string;
};

export function readCustomerEvent(message: {
  value: Uint8Array;
  headers: Record<string, string>;
}): CustomerFeedEvent | null {
  const cloudEvent = fromBinaryMessage(message);
  // Newer types the customers service adds are not this service's business (forward compatible).
  if (!isCustomerPublicEventType(cloudEvent.type)) return null;
  const data = customerEventSchemas[cloudEvent.type].parse(cloudEvent.data);
  if (data.customerId !== cloudEvent.subject) {
    throw new PermanentError(
      'SUBJECT_MISMATCH',
      `subject ${cloudEvent.subject} is not the event's customer ${data.customerId}`,
    );
  }
  return {
    type: cloudEvent.type,
    data,
    id: cloudEvent.id,
    revision: cloudEvent.streamrevision,
    correlationId: cloudEvent.correlationid,
    ...(cloudEvent.traceparent === undefined ? {} : { traceparent: cloudEvent.traceparent }),
  } as CustomerFeedEvent;
}
