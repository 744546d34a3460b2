// The boundary between the log and the wire: a recorded event plus its public form becomes a
// CloudEvent whose id is the event id, so every consumer can dedupe a republished event.
import type { CloudEvent } from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-store';

/** `customer-<id>` -> `<id>`: the aggregate id, also the Kafka key. */
export const aggregateIdOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(dash + 1);
};

export function toCloudEvent(
  event: RecordedEvent,
  source: string,
  publicEvent: { type: string; data: unknown },
): CloudEvent {
  const { metadata } = event;
  return {
    specversion: '1.0',
    id: event.id,
    source,
    type: publicEvent.type,
    subject: aggregateIdOf(event.streamId),
    time: event.recordedAt,
    datacontenttype: 'application/json',
    correlationid: metadata.correlationId,
    causationid: metadata.causationId,
    actor: metadata.actor,
    streamrevision: event.revision,
    ...(metadata.traceparent === undefined ? {} : { traceparent: metadata.traceparent }),
    data: publicEvent.data,
  };
}
