// The customers service as its own process: config -> adapters -> service -> listen -> signals.
// `node services/customers` (or `node services/customers/src/main.ts`).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBus } from '@crm/event-bus';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import {
  createLogger,
  createServiceApp,
  redactConfig,
  runUntilSignalled,
  type AuthOptions,
} from '@crm/service-kit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadConfig, SECRET_KEYS, type CustomersConfig } from './config.ts';
import { mapCustomersError } from './errors.ts';
import { createCustomersService } from './service.ts';

const config = loadConfig();
const logger = createLogger({ name: 'customers', level: config.LOG_LEVEL });

// Adapters load lazily: the embedded run never loads a driver it does not use, and only embedded
// adapters touch the file system (production pods run with a read-only root).
const embeddedFile = (name: string): string => {
  mkdirSync(config.CRM_DATA_DIR, { recursive: true });
  return join(config.CRM_DATA_DIR, name);
};
async function openEventStore(config: CustomersConfig): Promise<[EventStore, string]> {
  if (config.DATABASE_URL) {
    const { openPostgresEventStore } = await import('@crm/event-store-postgres');
    return [
      await openPostgresEventStore({
        connectionString: config.DATABASE_URL,
        schema: config.EVENT_STORE_SCHEMA,
      }),
      'postgresql',
    ];
  }
  if (config.EVENTSTORE_URL) {
    const { openEventStoreDbEventStore } = await import('@crm/event-store-eventstoredb');
    return [
      await openEventStoreDbEventStore({ connectionString: config.EVENTSTORE_URL }),
      'eventstoredb',
    ];
  }
  const { openSqliteEventStore } = await import('@crm/event-store');
  return [openSqliteEventStore({ path: embeddedFile('events.sqlite') }), 'embedded'];
}

async function openBus(config: CustomersConfig): Promise<[EventBus, string]> {
  if (config.KAFKA_BROKERS) {
    const { openKafkaEventBus } = await import('@crm/event-bus-kafka');
    const bus = await openKafkaEventBus({
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID,
      defaultPartitions: config.KAFKA_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    });
    return [bus, 'kafka'];
  }
  const { openSqliteEventBus } = await import('@crm/event-bus');
  return [openSqliteEventBus({ path: embeddedFile('bus.sqlite') }), 'embedded'];
}

async function openReadStore(config: CustomersConfig): Promise<[DocumentStore, string]> {
  if (config.MONGODB_URL) {
    const { openMongoDocumentStore } = await import('@crm/read-store-mongodb');
    return [
      await openMongoDocumentStore({ url: config.MONGODB_URL, database: config.MONGODB_DATABASE }),
      'mongodb',
    ];
  }
  const { openSqliteDocumentStore } = await import('@crm/read-store');
  return [openSqliteDocumentStore({ path: embeddedFile('read-models.sqlite') }), 'embedded'];
}

const auth: AuthOptions = config.AUTH_JWKS_URL
  ? {
      kind: 'jwks',
      url: config.AUTH_JWKS_URL,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
    }
  : {
      kind: 'hs256',
      secret: config.CRM_JWT_SECRET!,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
    };

const [eventStore, eventStoreKind] = await openEventStore(config);
const [bus, busKind] = await openBus(config);
const [documentStore, readStoreKind] = await openReadStore(config);
logger.info(
  {
    config: redactConfig(config, SECRET_KEYS),
    adapters: { eventStore: eventStoreKind, bus: busKind, readStore: readStoreKind },
  },
  'starting the customers service',
);

const service = createCustomersService({
  eventStore,
  documentStore,
  bus,
  logger,
  topicPrefix: config.KAFKA_TOPIC_PREFIX,
});
const app = createServiceApp({
  name: 'customers',
  version: '0.1.0',
  logger,
  auth,
  mapError: mapCustomersError,
});
void app.register((scope, _options, done) => {
  service.routes(scope.withTypeProvider<ZodTypeProvider>());
  done();
});
await service.start();
const address = await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ address }, 'customers service listening');

void runUntilSignalled({
  app,
  log: logger,
  closers: [
    () => service.stop(),
    () => bus.close(),
    () => documentStore.close(),
    () => eventStore.close(),
  ],
});
