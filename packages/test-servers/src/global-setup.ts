import {
  runningNativeServers,
  startNativeServers,
  stopNativeServers,
  type NativeServer,
} from './native-servers.ts';
import { missingServers, serverEnvKeys } from './real-servers.ts';

let startedHere: NativeServer[] = [];

/**
 * A vitest `globalSetup`: once per test run, starts the native servers the environment does not
 * name and puts their URLs in process.env, which the test workers (and their children) inherit.
 */
export async function setup(): Promise<void> {
  const missing = missingServers(process.env);
  if (missing.length === 0) return;
  const runningBefore = await runningNativeServers();
  const urls = await startNativeServers(missing);
  for (const server of missing) {
    const key = serverEnvKeys[server];
    const url = urls[key];
    if (url === undefined) throw new Error(`infra/servers/start.sh printed no ${key}`);
    process.env[key] = url;
  }
  // Servers another run (or a developer) started are theirs to stop.
  startedHere = missing.filter((server) => runningBefore[server] === undefined);
}

/** Stops only what setup() started. */
export async function teardown(): Promise<void> {
  const servers = startedHere;
  startedHere = [];
  if (servers.length > 0) await stopNativeServers(servers);
}
