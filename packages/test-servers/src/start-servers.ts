import { containerImages } from './container-images.ts';
import {
  runningNativeServers,
  startNativeServers,
  stopNativeServers,
  type NativeServer,
} from './native-servers.ts';
import type { ServersPlan } from './server-plan.ts';

export type StartedServers = {
  /** The variable of each server started (DATABASE_URL, ...) with its URL. */
  env: Record<string, string>;
  /** Stops what this start started, and nothing else. */
  stop: () => Promise<void>;
};

type Env = Readonly<Record<string, string | undefined>>;

const nativeEnvKeys = {
  postgres: 'DATABASE_URL',
  kafka: 'KAFKA_BROKERS',
  ferretdb: 'MONGODB_URL',
} as const satisfies Record<NativeServer, string>;

/** Starts what the plan says is missing; `env` chooses the container images. */
export async function startServers(plan: ServersPlan, env: Env): Promise<StartedServers> {
  if (plan.source === 'env') return { env: {}, stop: () => Promise.resolve() };
  if (plan.source === 'containers') {
    const { startContainers } = await import('./container-servers.ts');
    return startContainers(plan.engines, containerImages(env));
  }
  const runningBefore = await runningNativeServers();
  const printed = await startNativeServers(plan.servers);
  const started: Record<string, string> = {};
  for (const server of plan.servers) {
    const key = nativeEnvKeys[server];
    const url = printed[key];
    if (url === undefined) throw new Error(`infra/servers/start.sh printed no ${key}`);
    started[key] = url;
  }
  // Servers another run (or a developer) started are theirs to stop.
  const ours = plan.servers.filter((server) => runningBefore[server] === undefined);
  return {
    env: started,
    stop: () => (ours.length > 0 ? stopNativeServers(ours) : Promise.resolve()),
  };
}
