import { planServers } from './server-plan.ts';
import { startServers } from './start-servers.ts';

let stopStarted: (() => Promise<void>) | undefined;

/**
 * A vitest `globalSetup`: once per test run, starts what the environment does not name (as
 * containers where Docker answers, else as native servers) and puts the URLs in process.env,
 * which the test workers (and their children) inherit.
 */
export async function setup(): Promise<void> {
  const plan = await planServers(process.env);
  if (plan.source === 'env') return;
  if (plan.source === 'containers') {
    // The first run pulls the images, which takes minutes: say why the run is waiting.
    const docker = plan.dockerHost ?? 'found by testcontainers';
    console.error(`[test-servers] starting ${plan.engines.join(', ')} in containers (${docker})`);
  }
  const started = await startServers(plan, process.env);
  stopStarted = started.stop;
  Object.assign(process.env, started.env);
}

/** Stops only what setup() started: containers, or native servers that were not already up. */
export async function teardown(): Promise<void> {
  const stop = stopStarted;
  stopStarted = undefined;
  await stop?.();
}
