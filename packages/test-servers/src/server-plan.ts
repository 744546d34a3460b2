import { dockerHostUrl, findDockerEngine } from './docker-engine.ts';
import type { NativeServer } from './native-servers.ts';

/** The engines a test can ask for. EventStoreDB is optional: only containers can provide it. */
export type Engine = 'postgres' | 'kafka' | 'mongodb' | 'eventstore';

/** The variable that names each engine's server. */
export const engineEnvKeys = {
  postgres: 'DATABASE_URL',
  kafka: 'KAFKA_BROKERS',
  mongodb: 'MONGODB_URL',
  eventstore: 'EVENTSTORE_URL',
} as const satisfies Record<Engine, string>;

const engines = Object.keys(engineEnvKeys) as Engine[];

/** The native server of infra/servers that stands in for each engine it can run. */
const nativeServerFor: Partial<Record<Engine, NativeServer>> = {
  postgres: 'postgres',
  kafka: 'kafka',
  mongodb: 'ferretdb',
};

/**
 * CRM_TEST_SERVERS: `auto` (unset) takes the environment's servers, then containers when a Docker
 * engine answers, then the native servers; the others force one source for what is missing.
 */
export type ServersMode = 'auto' | 'env' | 'containers' | 'native';

export class InvalidServersMode extends Error {
  readonly code = 'INVALID_SERVERS_MODE';

  constructor(value: string) {
    super(`CRM_TEST_SERVERS=${JSON.stringify(value)}: use auto, env, containers or native`);
    this.name = 'InvalidServersMode';
  }
}

export class ServersNotGiven extends Error {
  readonly code = 'SERVERS_NOT_GIVEN';
  readonly missing: readonly string[];

  constructor(missing: readonly string[]) {
    super(`CRM_TEST_SERVERS=env but no URL for ${missing.join(', ')}`);
    this.name = 'ServersNotGiven';
    this.missing = missing;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function serversMode(env: Env): ServersMode {
  const value = env.CRM_TEST_SERVERS?.trim() ?? '';
  if (value === '') return 'auto';
  if (value === 'auto' || value === 'env' || value === 'containers' || value === 'native') {
    return value;
  }
  throw new InvalidServersMode(value);
}

/** The engines the environment names no server for (an empty or blank variable names none). */
export function missingEngines(env: Env): Engine[] {
  return engines.filter((engine) => !env[engineEnvKeys[engine]]?.trim());
}

/** What to start for the engines the environment leaves out; the environment always wins. */
export type ServersPlan =
  | { source: 'env' }
  /** `dockerHost` is where the engine answered; absent when the mode was forced, unprobed. */
  | { source: 'containers'; engines: Engine[]; dockerHost?: string }
  | { source: 'native'; servers: NativeServer[] };

/**
 * Decides where the missing servers come from. Asks Docker (GET /_ping, at most ~1 s) only in auto
 * mode and only when something is missing; forced `containers` leaves finding the engine to
 * testcontainers (it also reads ~/.testcontainers.properties).
 */
export async function planServers(env: Env): Promise<ServersPlan> {
  const mode = serversMode(env);
  const missing = missingEngines(env);
  const nativeOnes = missing.flatMap((engine) => nativeServerFor[engine] ?? []);
  const required = missing.filter((engine) => nativeServerFor[engine] !== undefined);

  if (mode === 'env') {
    if (required.length > 0) throw new ServersNotGiven(required.map((e) => engineEnvKeys[e]));
    return { source: 'env' };
  }
  if (mode === 'native') {
    return nativeOnes.length === 0 ? { source: 'env' } : { source: 'native', servers: nativeOnes };
  }
  if (missing.length === 0) return { source: 'env' };
  if (mode === 'containers') return { source: 'containers', engines: missing };

  const docker = await findDockerEngine(env);
  if (docker !== undefined) {
    return { source: 'containers', engines: missing, dockerHost: dockerHostUrl(docker) };
  }
  // Without Docker there is no EventStoreDB: its suite reports itself skipped.
  return nativeOnes.length === 0 ? { source: 'env' } : { source: 'native', servers: nativeOnes };
}
