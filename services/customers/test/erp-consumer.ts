// An ERP system's view of the customers topic, as its own process: it trusts only the published
// contract. Every message is checked against the generated JSON Schema (with Ajv, as a consumer in
// any language would) and applied to its own PostgreSQL tables exactly once: the event id goes into
// a dedupe table in the same transaction as the effect. What it cannot read is parked on its
// dead-letter topic. Env: KAFKA_BROKERS, DATABASE_URL, ERP_SCHEMA, CUSTOMERS_TOPIC, ERP_GROUP.
import { eventCatalog, eventJsonSchema } from '@crm/contracts/json-schema';
import { fromBinaryMessage } from '@crm/contracts';
import { consume, PermanentError } from '@crm/event-bus';
import { openKafkaEventBus } from '@crm/event-bus-kafka';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import pg from 'pg';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const schema = env('ERP_SCHEMA');
const db = new pg.Pool({ connectionString: env('DATABASE_URL'), max: 2 });
await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
await db.query(`CREATE TABLE IF NOT EXISTS ${schema}.applied_events (
  event_id uuid PRIMARY KEY, customer_id text NOT NULL, type text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
await db.query(`CREATE TABLE IF NOT EXISTS ${schema}.customers (
  id text PRIMARY KEY, name text, phones jsonb NOT NULL DEFAULT '[]', tags jsonb NOT NULL DEFAULT '[]',
  revision int NOT NULL, erased boolean NOT NULL DEFAULT false)`);
await db.query(
  `CREATE TABLE IF NOT EXISTS ${schema}.deliveries (event_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
);

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map(
  eventCatalog.map(({ type }) => [type, ajv.compile(eventJsonSchema(type))]),
);

type Event = {
  id: string;
  type: string;
  subject: string;
  streamrevision: number;
  /** Already validated against the event type's JSON Schema: the fields the effects read. */
  data: {
    profile: { name: string };
    changes: { name?: string };
    phones: string[];
    tags: string[];
  };
};

async function apply(event: Event): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO ${schema}.deliveries (event_id) VALUES ($1)`, [event.id]);
    const fresh = await client.query(
      `INSERT INTO ${schema}.applied_events (event_id, customer_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [event.id, event.subject, event.type],
    );
    if (fresh.rowCount === 1) await effect(client, event);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function effect(
  client: pg.PoolClient,
  { type, subject: id, streamrevision: revision, data }: Event,
) {
  const table = `${schema}.customers`;
  switch (type) {
    case 'crm.customer.registered.v1':
      await client.query(
        `INSERT INTO ${table} (id, name, phones, tags, revision) VALUES ($1, $2, $3, $4, $5)`,
        [id, data.profile.name, JSON.stringify(data.phones), JSON.stringify(data.tags), revision],
      );
      return;
    case 'crm.customer.profile_updated.v1':
      if (data.changes.name !== undefined) {
        await client.query(`UPDATE ${table} SET name = $2, revision = $3 WHERE id = $1`, [
          id,
          data.changes.name,
          revision,
        ]);
      }
      return;
    case 'crm.customer.tagged.v1':
      await client.query(
        `UPDATE ${table} SET tags = tags || $2::jsonb, revision = $3 WHERE id = $1`,
        [id, JSON.stringify(data.tags), revision],
      );
      return;
    default:
      await client.query(`UPDATE ${table} SET revision = $2 WHERE id = $1`, [id, revision]);
  }
}

const bus = await openKafkaEventBus({
  brokers: env('KAFKA_BROKERS').split(','),
  clientId: 'erp-example',
});
const consumer = await consume(bus, {
  groupId: env('ERP_GROUP'),
  topics: [env('CUSTOMERS_TOPIC')],
  from: 'earliest',
  maxAttempts: 3,
  backoffMs: 100,
  handle: async (message) => {
    const event = fromBinaryMessage(message); // UnreadableMessage (permanent) when it is not a CloudEvent
    const validate = validators.get(event.type);
    // This ERP was built against the v1 catalogue: an unknown type is parked for a later upgrade to
    // replay, not silently dropped.
    if (!validate)
      throw new PermanentError('UNKNOWN_EVENT_TYPE', `unknown event type ${event.type}`);
    if (!validate(event)) {
      throw new PermanentError('SCHEMA_VIOLATION', ajv.errorsText(validate.errors));
    }
    await apply(event as unknown as Event);
  },
});
process.stdout.write('erp consumer ready\n');

const stop = async () => {
  await consumer.stop();
  await bus.close();
  await db.end();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
