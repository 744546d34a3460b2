import { engineEnvKeys, missingEngines, planServers } from './server-plan.ts';
import { startServers } from './start-servers.ts';

/** Where a test finds its servers. `eventstoreUrl` only when an EventStoreDB is reachable. */
export type RealServers = {
  kafkaBrokers: string[];
  mongodbUrl: string;
  databaseUrl: string;
  eventstoreUrl?: string;
};

type Env = Readonly<Record<string, string | undefined>>;

/** The servers an environment names; PostgreSQL, Kafka and MongoDB are required. */
export function serversFromEnv(env: Env): RealServers {
  const missing = missingEngines(env)
    .filter((engine) => engine !== 'eventstore')
    .map((engine) => engineEnvKeys[engine]);
  if (missing.length > 0) throw new Error(`no URL for ${missing.join(', ')}`);
  const servers: RealServers = {
    kafkaBrokers: (env.KAFKA_BROKERS ?? '')
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker !== ''),
    mongodbUrl: env.MONGODB_URL ?? '',
    databaseUrl: env.DATABASE_URL ?? '',
  };
  if (env.EVENTSTORE_URL?.trim()) servers.eventstoreUrl = env.EVENTSTORE_URL;
  return servers;
}

let pending: Promise<RealServers> | undefined;

/**
 * The servers for this test process, in the order of DESIGN.md: URLs in the environment, then
 * containers where Docker answers, then the native servers of infra/servers (started once and
 * reused while healthy). Under the global setup the environment already names them all.
 * Containers started here live as long as this process: testcontainers' Ryuk removes them.
 */
export function realServers(): Promise<RealServers> {
  pending ??= resolveServers(process.env).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

async function resolveServers(env: Env): Promise<RealServers> {
  const started = await startServers(await planServers(env), env);
  // Only what was missing was started; the environment wins for the rest.
  return serversFromEnv({ ...env, ...started.env });
}
