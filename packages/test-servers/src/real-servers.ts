import { startNativeServers, type NativeServer } from './native-servers.ts';

/** Where a test finds its servers. `eventstoreUrl` only when EVENTSTORE_URL names one. */
export type RealServers = {
  kafkaBrokers: string[];
  mongodbUrl: string;
  databaseUrl: string;
  eventstoreUrl?: string;
};

/** The variable that names each server, as start.sh writes them. */
export const serverEnvKeys = {
  postgres: 'DATABASE_URL',
  kafka: 'KAFKA_BROKERS',
  ferretdb: 'MONGODB_URL',
} as const satisfies Record<NativeServer, string>;

type Env = Readonly<Record<string, string | undefined>>;

/** The native servers that stand in for what the environment does not name. */
export function missingServers(env: Env): NativeServer[] {
  return (Object.keys(serverEnvKeys) as NativeServer[]).filter(
    (server) => !env[serverEnvKeys[server]]?.trim(),
  );
}

export function serversFromEnv(env: Env): RealServers {
  const missing = missingServers(env).map((server) => serverEnvKeys[server]);
  if (missing.length > 0) throw new Error(`no URL for ${missing.join(', ')}`);
  const servers: RealServers = {
    kafkaBrokers: (env.KAFKA_BROKERS ?? '')
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker !== ''),
    mongodbUrl: env.MONGODB_URL ?? '',
    databaseUrl: env.DATABASE_URL ?? '',
  };
  if (env.EVENTSTORE_URL) servers.eventstoreUrl = env.EVENTSTORE_URL;
  return servers;
}

let pending: Promise<RealServers> | undefined;

/**
 * The servers for this test process, in the order of DESIGN.md: URLs in the environment, then
 * (with no Docker on these machines, testcontainers is left for later) the native servers of
 * infra/servers, started once and reused while healthy.
 */
export function realServers(): Promise<RealServers> {
  pending ??= resolveServers(process.env).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

async function resolveServers(env: Env): Promise<RealServers> {
  const missing = missingServers(env);
  if (missing.length === 0) return serversFromEnv(env);
  const started = await startNativeServers(missing);
  // Only the missing ones come from the native servers; the environment wins for the rest.
  const merged: Record<string, string | undefined> = { ...env };
  for (const server of missing) merged[serverEnvKeys[server]] = started[serverEnvKeys[server]];
  return serversFromEnv(merged);
}
