// Opens the event store, bus and read store a configuration names. Drivers load lazily, so the
// embedded run never loads one it does not use, and only embedded adapters touch the file system
// (production pods run with a read-only root). Only a service's main.ts calls this.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBus } from '@crm/event-bus';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import type { AdapterConfig } from './adapter-config.ts';

export interface AdapterKinds {
  eventStore: 'postgresql' | 'eventstoredb' | 'embedded';
  bus: 'kafka' | 'embedded';
  readStore: 'mongodb' | 'embedded';
}

export interface OpenedAdapters {
  eventStore: EventStore;
  bus: EventBus;
  documentStore: DocumentStore;
  /** Which engine each port runs on (for the start-up log). */
  kinds: AdapterKinds;
  /** Closes the bus, then the read store, then the event store. */
  close(): Promise<void>;
}

export interface OpenAdaptersOptions {
  /** Where embedded files go; default config.CRM_DATA_DIR. Created when first needed. */
  embeddedDir?: string;
}

type Opened<T, Kind> = [T, Kind];

export async function openAdapters(
  config: AdapterConfig,
  options: OpenAdaptersOptions = {},
): Promise<OpenedAdapters> {
  const dir = options.embeddedDir ?? config.CRM_DATA_DIR;
  const file = (name: string): string => {
    mkdirSync(dir, { recursive: true });
    return join(dir, name);
  };
  const opened: { close(): Promise<void> }[] = [];
  try {
    const [eventStore, eventStoreKind] = await openEventStore(config, file);
    opened.push(eventStore);
    const [bus, busKind] = await openBus(config, file);
    opened.push(bus);
    const [documentStore, readStoreKind] = await openReadStore(config, file);
    return {
      eventStore,
      bus,
      documentStore,
      kinds: { eventStore: eventStoreKind, bus: busKind, readStore: readStoreKind },
      close: async () => {
        await bus.close();
        await documentStore.close();
        await eventStore.close();
      },
    };
  } catch (error) {
    // Whatever opened before the failure is closed, so the process can exit.
    for (const adapter of opened.reverse()) await adapter.close().catch(() => undefined);
    throw error;
  }
}

async function openEventStore(
  config: AdapterConfig,
  file: (name: string) => string,
): Promise<Opened<EventStore, AdapterKinds['eventStore']>> {
  if (config.DATABASE_URL) {
    const { openPostgresEventStore } = await import('@crm/event-store-postgres');
    const store = await openPostgresEventStore({
      connectionString: config.DATABASE_URL,
      schema: config.EVENT_STORE_SCHEMA,
    });
    return [store, 'postgresql'];
  }
  if (config.EVENTSTORE_URL) {
    const { openEventStoreDbEventStore } = await import('@crm/event-store-eventstoredb');
    const store = await openEventStoreDbEventStore({ connectionString: config.EVENTSTORE_URL });
    return [store, 'eventstoredb'];
  }
  const { openSqliteEventStore } = await import('@crm/event-store');
  return [openSqliteEventStore({ path: file('events.sqlite') }), 'embedded'];
}

async function openBus(
  config: AdapterConfig,
  file: (name: string) => string,
): Promise<Opened<EventBus, AdapterKinds['bus']>> {
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
  return [openSqliteEventBus({ path: file('bus.sqlite') }), 'embedded'];
}

async function openReadStore(
  config: AdapterConfig,
  file: (name: string) => string,
): Promise<Opened<DocumentStore, AdapterKinds['readStore']>> {
  if (config.MONGODB_URL) {
    const { openMongoDocumentStore } = await import('@crm/read-store-mongodb');
    const store = await openMongoDocumentStore({
      url: config.MONGODB_URL,
      database: config.MONGODB_DATABASE,
    });
    return [store, 'mongodb'];
  }
  const { openSqliteDocumentStore } = await import('@crm/read-store');
  return [openSqliteDocumentStore({ path: file('read-models.sqlite') }), 'embedded'];
}
