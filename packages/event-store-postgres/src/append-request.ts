// Validating and snapshotting an append when append() is called, before it is queued, so a bad
// append fails alone and never reaches (or aborts) a batch's transaction.
import {
  categoryOf,
  DuplicateEventId,
  type EventToAppend,
  type ExpectedRevision,
} from '@crm/event-store';
import { isExpectedRevision } from '@crm/event-store/adapter';

export interface SerializedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export interface AppendRequest {
  streamId: string;
  category: string;
  events: SerializedEvent[];
  expectedRevision: ExpectedRevision;
}

// The id column is a uuid: anything else would fail inside the batch's transaction.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Revisions are a Postgres integer.
const MAX_REVISION = 2 ** 31 - 1;

// Postgres text and jsonb cannot hold U+0000 or a lone surrogate, which JSON.stringify writes as
// escapes ("\u0000", "\ud800"): caught here, they would fail the whole batch's transaction.
const UNSTORABLE_ESCAPE = /(^|[^\\])(\\\\)*\\u(0000|d[89a-f])/;

const storable = (text: string): boolean => !text.includes('\u0000') && text.isWellFormed();

const toJson = (streamId: string, value: unknown): string => {
  // undefined has no JSON form; it is read back as null.
  const json = JSON.stringify(value) ?? 'null';
  if (UNSTORABLE_ESCAPE.test(json)) {
    throw new TypeError(`stream ${streamId}: data holds U+0000 or a lone surrogate`);
  }
  return json;
};

const nonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;

/** Throws TypeError for malformed input, DuplicateEventId for an id repeated in one append. */
export function toAppendRequest(
  streamId: string,
  events: readonly EventToAppend[],
  expectedRevision: ExpectedRevision,
): AppendRequest {
  if (!nonEmptyString(streamId) || !storable(streamId)) {
    throw new TypeError('streamId must be a non-empty, well-formed string without U+0000');
  }
  const list: unknown = events;
  if (!Array.isArray(list)) throw new TypeError('events must be an array');
  if (!isExpectedRevision(expectedRevision, MAX_REVISION)) {
    throw new TypeError(`invalid expected revision: ${String(expectedRevision)}`);
  }
  const seen = new Set<string>();
  const serialized = events.map((event): SerializedEvent => {
    if (!nonEmptyString(event.id) || !UUID.test(event.id)) {
      throw new TypeError(`stream ${streamId}: every event needs a UUID id`);
    }
    if (!nonEmptyString(event.type) || !storable(event.type)) {
      throw new TypeError(
        `stream ${streamId}: event ${event.id} needs a non-empty, well-formed type`,
      );
    }
    if (typeof event.metadata !== 'object' || event.metadata === null) {
      throw new TypeError(`stream ${streamId}: event ${event.id} has no metadata`);
    }
    // Postgres prints uuids in lower case: compare and store them that way.
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new DuplicateEventId(streamId, event.id);
    seen.add(id);
    return {
      id,
      type: event.type,
      data: toJson(streamId, event.data),
      metadata: toJson(streamId, event.metadata),
    };
  });
  return { streamId, category: categoryOf(streamId), events: serialized, expectedRevision };
}
