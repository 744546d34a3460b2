// The customers and opportunities services as two processes on the shared real servers: each its
// own PostgreSQL schema and FerretDB database, both on Kafka behind a topic prefix unique to the
// run (their consumer groups too), for the distributed conversion test.
import { fromBinaryMessage, topics, type CloudEvent } from '@crm/contracts';
import type { EventBus, IncomingMessage } from '@crm/event-bus';
import { openKafkaEventBus } from '@crm/event-bus-kafka';
import { issueToken } from '@crm/service-kit';
import { realServers, uniqueName } from '@crm/test-servers';
import { eventually } from './eventually.ts';
import {
  freePort,
  httpClient,
  startService,
  stopService,
  type ServiceProcess,
} from './service-process.ts';

const SECRET = 'distributed-conversion-secret-0123456789';

export interface DistributedRun {
  /** The test's own Kafka client. */
  bus: EventBus;
  /** crm.opportunities.v1 behind the run's prefix. */
  opportunitiesTopic: string;
  /** The opportunities API as the demo rep li.lei; the customers API as an admin. */
  rep: ReturnType<typeof httpClient>;
  admin: ReturnType<typeof httpClient>;
  stopCustomers(): Promise<void>;
  startCustomers(): Promise<void>;
  /** The lead's crm.lead.converted.v1 as it is on Kafka, read by a consumer group of its own. */
  convertedMessage(leadId: string, timeoutMs: number): Promise<IncomingMessage>;
  /** Stops every process still running, and the test's Kafka client. */
  close(): Promise<void>;
}

const token = (id: string, roles: string[]) =>
  issueToken({
    secret: SECRET,
    issuer: 'crm-embedded',
    audience: 'crm',
    ttlSeconds: 3600,
    user: { id, name: id, roles },
  });

export async function startDistributedRun(): Promise<DistributedRun> {
  const { kafkaBrokers, mongodbUrl, databaseUrl } = await realServers();
  const run = uniqueName('conv').replaceAll('-', '_');
  const prefix = `${run}.`;
  const opportunitiesTopic = `${prefix}${topics.opportunities}`;
  const bus = await openKafkaEventBus({ brokers: kafkaBrokers, clientId: run, logLevel: 'error' });
  // One partition each: a later conversion is handled after an earlier one (the test relies on
  // it to know a repeated event has been handled).
  await bus.ensureTopics([
    { name: opportunitiesTopic, partitions: 1 },
    { name: `${prefix}${topics.customers}`, partitions: 1 },
  ]);
  const common = {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_PARTITIONS: '1',
    MONGODB_URL: mongodbUrl,
    CRM_JWT_SECRET: SECRET,
  };
  const [customersPort, opportunitiesPort] = [await freePort(), await freePort()];
  const customersProcess = () =>
    startService('customers', customersPort, {
      ...common,
      EVENT_STORE_SCHEMA: `${run}_customers`,
      MONGODB_DATABASE: `${run}_customers`,
      KAFKA_CLIENT_ID: `${run}-customers`,
    });
  let customers: ServiceProcess | undefined;
  let opportunities: ServiceProcess | undefined;
  const close = async () => {
    for (const service of [opportunities, customers]) if (service) await stopService(service);
    await bus.close();
  };
  try {
    customers = await customersProcess();
    opportunities = await startService('opportunities', opportunitiesPort, {
      ...common,
      EVENT_STORE_SCHEMA: `${run}_opportunities`,
      MONGODB_DATABASE: `${run}_opportunities`,
      KAFKA_CLIENT_ID: `${run}-opportunities`,
      CUSTOMERS_GROUP_ID: `${prefix}opportunities.customers`,
      LEAD_RECYCLE_INTERVAL_SECONDS: '0',
    });
  } catch (error) {
    await close();
    throw error;
  }
  let readers = 0;
  return {
    bus,
    opportunitiesTopic,
    rep: httpClient(opportunities.baseUrl, await token('u-li-lei', ['sales_rep'])),
    admin: httpClient(customers.baseUrl, await token('u-admin', ['admin'])),
    stopCustomers: async () => {
      if (customers) await stopService(customers);
    },
    startCustomers: async () => {
      customers = await customersProcess();
    },
    convertedMessage: async (leadId, timeoutMs) => {
      let found: { event: CloudEvent; message: IncomingMessage } | undefined;
      const reader = await bus.subscribe({
        groupId: `${prefix}test.reader.${++readers}`,
        topics: [opportunitiesTopic],
        from: 'earliest',
        handle: (message) => {
          const event = fromBinaryMessage(message);
          const data = event.data as { leadId?: string };
          if (event.type === 'crm.lead.converted.v1' && data.leadId === leadId) {
            found ??= { event, message };
          }
          return Promise.resolve();
        },
      });
      try {
        const what = `crm.lead.converted.v1 of ${leadId} on Kafka`;
        return (await eventually(what, () => Promise.resolve(found), timeoutMs)).message;
      } finally {
        await reader.stop();
      }
    },
    close,
  };
}
