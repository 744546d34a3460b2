// CloudEvents Kafka protocol binding, binary content mode: attributes travel as `ce_*` headers,
// `content-type` carries datacontenttype, the value is the JSON of `data`, the key is the subject.
import { cloudEventEnvelopeSchema, type CloudEvent } from './cloud-event.ts';

export interface BinaryMessage {
  key: string;
  value: Uint8Array;
  headers: Record<string, string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function toBinaryMessage(event: CloudEvent): BinaryMessage {
  const headers: Record<string, string> = { 'content-type': event.datacontenttype };
  for (const [name, value] of Object.entries(event)) {
    if (name === 'data' || name === 'datacontenttype' || value === undefined) continue;
    headers[`ce_${name}`] = String(value);
  }
  return { key: event.subject, value: encoder.encode(JSON.stringify(event.data)), headers };
}

export class UnreadableMessage extends Error {
  readonly code = 'UNREADABLE_MESSAGE';
  readonly issues: readonly string[];
  constructor(message: string, issues: readonly string[] = []) {
    super(issues.length ? `${message}: ${issues.join('; ')}` : message);
    this.name = 'UnreadableMessage';
    this.issues = issues;
  }
}

/** Reads a binary-mode message back into a CloudEvent; throws UnreadableMessage when it is not one. */
export function fromBinaryMessage(message: {
  value: Uint8Array;
  headers: Record<string, string>;
}): CloudEvent {
  const attributes: Record<string, unknown> = {
    datacontenttype: message.headers['content-type'],
  };
  for (const [name, value] of Object.entries(message.headers)) {
    if (name.startsWith('ce_')) attributes[name.slice(3)] = value;
  }
  if (typeof attributes.streamrevision === 'string' && /^\d+$/.test(attributes.streamrevision)) {
    attributes.streamrevision = Number(attributes.streamrevision);
  }
  const envelope = cloudEventEnvelopeSchema.safeParse(attributes);
  if (!envelope.success) {
    throw new UnreadableMessage(
      'not a CloudEvent',
      envelope.error.issues.map(
        (issue) => `${issue.path.join('.') || '(envelope)'}: ${issue.message}`,
      ),
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(decoder.decode(message.value));
  } catch (error) {
    throw new UnreadableMessage(`data is not UTF-8 JSON (${(error as Error).message})`);
  }
  return { ...envelope.data, data };
}
