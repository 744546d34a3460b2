// Events in and out of ESDB: JSON data, JSON metadata under ESDB's own correlation names (so the
// server's $by_correlation_id projection and its UI understand them), created time as recordedAt.
import type {
  AllStreamResolvedEvent,
  JSONEventData,
  JSONType,
  ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, EventToAppend, RecordedEvent } from '@crm/event-store';
import { toPortPosition } from './positions.ts';
import type { StreamNames } from './stream-names.ts';

export type EsdbMetadata = {
  $correlationId: string;
  $causationId: string;
  actor: string;
  traceparent?: string;
};

export const toEsdbMetadata = (metadata: EventMetadata): EsdbMetadata => ({
  $correlationId: metadata.correlationId,
  $causationId: metadata.causationId,
  actor: metadata.actor,
  ...(metadata.traceparent === undefined ? {} : { traceparent: metadata.traceparent }),
});

/** Lenient: events written by other tools may lack fields; those read as ''. */
export function fromEsdbMetadata(raw: unknown): EventMetadata {
  const fields: Record<string, unknown> =
    typeof raw === 'object' && raw !== null && !(raw instanceof Uint8Array)
      ? (raw as Record<string, unknown>)
      : {};
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const { traceparent } = fields;
  return {
    correlationId: text(fields.$correlationId),
    causationId: text(fields.$causationId),
    actor: text(fields.actor),
    ...(typeof traceparent === 'string' ? { traceparent } : {}),
  };
}

export const toEventData = (event: EventToAppend): JSONEventData => ({
  id: event.id,
  contentType: 'application/json',
  type: event.type,
  // undefined has no JSON form; like the other adapters it is stored (and read back) as null.
  data: (event.data === undefined ? null : event.data) as JSONType,
  metadata: toEsdbMetadata(event.metadata),
});

/** The port's event; undefined for system events and streams this store does not own. */
export function toRecordedEvent(
  resolved: ResolvedEvent | AllStreamResolvedEvent,
  names: StreamNames,
): RecordedEvent | undefined {
  const { event } = resolved;
  if (event === undefined || event.type.startsWith('$')) return undefined;
  const streamId = names.fromEsdb(event.streamId);
  if (streamId === undefined) return undefined;
  if (event.position === undefined) throw new RangeError(`event ${event.id} has no $all position`);
  return {
    id: event.id,
    streamId,
    type: event.type,
    revision: Number(event.revision),
    position: toPortPosition(event.position.commit),
    data: event.data,
    metadata: fromEsdbMetadata(event.metadata),
    recordedAt: event.created.toISOString(),
  };
}
