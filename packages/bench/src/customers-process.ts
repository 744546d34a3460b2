// The customers service as production runs it, in its own process on PostgreSQL + Kafka +
// FerretDB (`node services/customers/src/main.ts`), and an admin token it accepts.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { issueToken } from '@crm/service-kit';
import type { RealServers } from '@crm/test-servers';
import { startChildServer, type ChildServer } from './child-server.ts';
import { freePort } from './free-port.ts';
import type { RunNames } from './run-resources.ts';

const CUSTOMERS_MAIN = fileURLToPath(
  new URL('../../../services/customers/src/main.ts', import.meta.url),
);
/** The service's topic (crm.customers.v1) behind the run's prefix. */
export const customersTopic = (names: RunNames): string =>
  `${names.service.topicPrefix}crm.customers.v1`;
export const PARTITIONS = 3;

export interface CustomersProcess {
  server: ChildServer;
  token: string;
}

export async function startCustomersProcess(
  servers: RealServers,
  names: RunNames,
): Promise<CustomersProcess> {
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startChildServer({
    script: CUSTOMERS_MAIN,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // Info would log every request: a cost production does not pay at this rate.
      LOG_LEVEL: 'warn',
      DATABASE_URL: servers.databaseUrl,
      EVENT_STORE_SCHEMA: names.service.schema,
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      KAFKA_CLIENT_ID: `${names.run}-customers`,
      KAFKA_TOPIC_PREFIX: names.service.topicPrefix,
      KAFKA_PARTITIONS: String(PARTITIONS),
      MONGODB_URL: servers.mongodbUrl,
      MONGODB_DATABASE: names.service.database,
      CRM_JWT_SECRET: secret,
    },
    ready: { baseUrl, path: '/health/ready' },
    timeoutMs: 60_000,
  });
  const token = await issueToken({
    secret,
    issuer: 'crm-embedded',
    audience: 'crm',
    ttlSeconds: 3_600,
    user: { id: 'u-bench', name: 'bench', roles: ['admin'] },
  });
  return { server, token };
}
