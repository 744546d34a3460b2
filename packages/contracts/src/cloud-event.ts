// The envelope of every event on the wire: CloudEvents 1.0 plus the extensions this platform
// promises consumers (correlation, causation, actor, stream revision, W3C trace context).
import { z } from 'zod';

/** CloudEvents extension attribute names are lower-case letters and digits only. */
export const cloudEventEnvelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid().describe('Unique per event; consumers dedupe on it.'),
  source: z.string().min(1).describe('The producing service, e.g. crm/customers.'),
  type: z
    .string()
    .regex(/^crm\.[a-z]+(?:[._][a-z]+)*\.v\d+$/)
    .describe('crm.<aggregate>.<fact>.v<N>'),
  subject: z.string().min(1).describe('The aggregate id; also the Kafka message key.'),
  time: z.iso.datetime({ offset: true }).describe('When the fact was recorded in the log.'),
  datacontenttype: z.literal('application/json'),
  correlationid: z.string().min(1),
  causationid: z.string().min(1),
  actor: z.string().min(1).describe('User id, or system:<component>.'),
  streamrevision: z.number().int().nonnegative().describe('Revision of the event in its stream.'),
  traceparent: z.string().optional(),
});

export type CloudEventEnvelope = z.infer<typeof cloudEventEnvelopeSchema>;

export interface CloudEvent<Data = unknown> extends CloudEventEnvelope {
  data: Data;
}

/** Schema of a whole event of one type: the envelope with a literal type and a typed data. */
export const cloudEventSchema = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  cloudEventEnvelopeSchema.extend({ type: z.literal(type), data });
