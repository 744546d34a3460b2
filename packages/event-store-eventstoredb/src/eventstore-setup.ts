// A vitest `globalSetup` for this package alone: where no EVENTSTORE_URL is given and a Docker
// engine answers, run EventStoreDB in a container for the suite; otherwise leave the suite to say
// why it skips. It never starts the other engines: this package needs none of them.
import { findDockerEngine, startServers } from '@crm/test-servers';

let stop: (() => Promise<void>) | undefined;

export async function setup(): Promise<void> {
  const mode = process.env.CRM_TEST_SERVERS?.trim();
  if (process.env.EVENTSTORE_URL?.trim() || mode === 'env' || mode === 'native') return;
  const docker = mode === 'containers' || (await findDockerEngine(process.env)) !== undefined;
  if (!docker) return;
  console.error('[test-servers] starting EventStoreDB in a container');
  const started = await startServers(
    { source: 'containers', engines: ['eventstore'] },
    process.env,
  );
  stop = started.stop;
  Object.assign(process.env, started.env);
}

export async function teardown(): Promise<void> {
  const stopping = stop;
  stop = undefined;
  await stopping?.();
}
