// The part of a service's environment that chooses its adapters, as zod fields to spread into the
// service's one config schema. Which adapters run follows from which URLs are set: none set =
// embedded files in CRM_DATA_DIR.
import { z } from 'zod';

const brokerList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port')).min(1));

/** What differs between services: their names in each engine and their data folder. */
export interface AdapterDefaults {
  /** e.g. '.crm-data/customers' */
  dataDir: string;
  /** PostgreSQL schema of the event store, e.g. 'crm_customers'. */
  eventStoreSchema: string;
  /** e.g. 'crm-customers' */
  kafkaClientId: string;
  /** e.g. 'crm_customers' */
  mongodbDatabase: string;
}

/** The adapter variables with this service's defaults: `z.object({ ...adapterConfigFields(d), ... })`. */
export const adapterConfigFields = (defaults: AdapterDefaults) => ({
  CRM_DATA_DIR: z.string().min(1).default(defaults.dataDir),
  /** PostgreSQL event store (takes precedence over EVENTSTORE_URL when both are set). */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EVENT_STORE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default(defaults.eventStoreSchema),
  /** EventStoreDB / KurrentDB, e.g. esdb://host:2113?tls=false */
  EVENTSTORE_URL: z
    .string()
    .regex(/^(esdb|kurrentdb)(\+discover)?:\/\//)
    .optional(),
  KAFKA_BROKERS: brokerList.optional(),
  KAFKA_CLIENT_ID: z.string().min(1).default(defaults.kafkaClientId),
  /** Prepended to topic names when environments share a cluster, e.g. `staging.`. */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/)
    .default(''),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
  MONGODB_URL: z.url({ protocol: /^mongodb(\+srv)?$/ }).optional(),
  MONGODB_DATABASE: z.string().min(1).default(defaults.mongodbDatabase),
});

/** The parsed adapter variables (what openAdapters reads). */
export type AdapterConfig = z.infer<z.ZodObject<ReturnType<typeof adapterConfigFields>>>;

/** Adapter variables that hold credentials: redact them in logs. */
export const ADAPTER_SECRET_KEYS = ['DATABASE_URL', 'MONGODB_URL', 'EVENTSTORE_URL'] as const;
