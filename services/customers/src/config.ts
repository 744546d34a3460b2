// The customers process's environment, parsed once; every bad variable is reported at once.
// Which adapters run follows from which URLs are set: none set = embedded files in CRM_DATA_DIR.
import { logLevel, parseConfig, port } from '@crm/service-kit';
import { z } from 'zod';

const list = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port')).min(1));

const schema = z
  .object({
    PORT: port.default(3001),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: logLevel.default('info'),
    CRM_DATA_DIR: z.string().min(1).default('.crm-data/customers'),
    /** PostgreSQL event store (takes precedence over EVENTSTORE_URL when both are set). */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    EVENT_STORE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('crm_customers'),
    /** EventStoreDB / KurrentDB, e.g. esdb://host:2113?tls=false */
    EVENTSTORE_URL: z
      .string()
      .regex(/^(esdb|kurrentdb)(\+discover)?:\/\//)
      .optional(),
    KAFKA_BROKERS: list.optional(),
    KAFKA_CLIENT_ID: z.string().min(1).default('crm-customers'),
    /** Prepended to topic names when environments share a cluster, e.g. `staging.`. */
    KAFKA_TOPIC_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9._-]*$/)
      .default(''),
    KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
    KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
    MONGODB_URL: z.url({ protocol: /^mongodb(\+srv)?$/ }).optional(),
    MONGODB_DATABASE: z.string().min(1).default('crm_customers'),
    /** Tokens: an HS256 secret shared with the issuer, or an identity provider's JWKS. */
    CRM_JWT_SECRET: z.string().min(32).optional(),
    AUTH_JWKS_URL: z.url().optional(),
    AUTH_ISSUER: z.string().min(1).default('crm-embedded'),
    AUTH_AUDIENCE: z.string().min(1).default('crm'),
  })
  .refine((config) => config.CRM_JWT_SECRET !== undefined || config.AUTH_JWKS_URL !== undefined, {
    message: 'set CRM_JWT_SECRET (HS256) or AUTH_JWKS_URL (an identity provider)',
    path: ['CRM_JWT_SECRET'],
  });

export type CustomersConfig = z.infer<typeof schema>;
export const SECRET_KEYS = [
  'CRM_JWT_SECRET',
  'DATABASE_URL',
  'MONGODB_URL',
  'EVENTSTORE_URL',
] as const;
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): CustomersConfig =>
  parseConfig(schema, env);
