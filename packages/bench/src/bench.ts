// `npm run bench`: two baselines, then the platform under load, in one run on this machine;
// prints the table and rewrites the "Latest run" section of docs/benchmarks.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startChildServer, type ChildServer } from './child-server.ts';
import { assertAllSucceeded, measureHttpLoad } from './http-load.ts';
import { embeddedSection } from './embedded-section.ts';
import { replaceSection } from './latest-run.ts';
import { describeMachine } from './machine.ts';
import { phoneSequence } from './phone-sequence.ts';
import { client, login, registration } from './platform-client.ts';
import { drainReadModels, measureReadLag, readRoundTrip } from './read-lag.ts';
import { consoleTable, type BenchFigures, type BenchSettings } from './report.ts';
import { readProcessMemory, sampleRss } from './rss-sampler.ts';
import { measureStoreWrites } from './store-writes.ts';
import { tempDir } from './temp-dir.ts';

const SETTINGS: BenchSettings = {
  connections: 50,
  warmupSeconds: 2,
  seconds: 10,
  storeInFlight: 50,
  storeSeconds: 5,
  lagRatePerSecond: 100,
  lagSeconds: 10,
};
// The whole run takes about a minute; past this something hangs, and the run ends with exit 1.
const WATCHDOG_MS = 5 * 60_000;
const HELLO_SERVER = fileURLToPath(new URL('./hello-server.ts', import.meta.url));
const PLATFORM_MAIN = fileURLToPath(new URL('../../platform/src/main.ts', import.meta.url));
const DOC = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
const ADMIN = { username: 'admin', password: 'admin-crm-2026' };

const say = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function helloWorld(): Promise<BenchFigures['hello']> {
  const server = await startChildServer({
    script: HELLO_SERVER,
    ready: /listening on (http:\/\/\S+)/,
    timeoutMs: 15_000,
  });
  try {
    const runs = await measureHttpLoad({ url: server.baseUrl, ...SETTINGS });
    assertAllSucceeded('hello world', runs);
    return runs.measured;
  } finally {
    await server.stop();
  }
}

type PlatformFigures = Pick<
  BenchFigures,
  'register' | 'drainMs' | 'lag' | 'readRoundTrip' | 'memory'
>;

/** Phases 3 to 5 on a running platform. */
async function underLoad(server: ChildServer): Promise<PlatformFigures> {
  const token = await login(server.baseUrl, ADMIN.username, ADMIN.password);
  const call = client(server.baseUrl, token);
  const nextPhone = phoneSequence('139');
  const idleMb = readProcessMemory(server.pid).rssMb;
  const sampler = sampleRss(server.pid, 50);
  try {
    say(`3/5 POST /customers, ${SETTINGS.connections} connections, ${SETTINGS.seconds} s`);
    const runs = await measureHttpLoad({
      url: server.baseUrl,
      ...SETTINGS,
      request: {
        method: 'POST',
        path: '/customers',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(registration(nextPhone)) }),
      },
    });
    assertAllSucceeded('POST /customers', runs);
    const drainMs = await drainReadModels(call, nextPhone, 60_000);

    say(`4/5 read-model lag, ${SETTINGS.lagRatePerSecond}/s for ${SETTINGS.lagSeconds} s`);
    const { ids, ...lag } = await measureReadLag({
      call,
      nextPhone,
      ratePerSecond: SETTINGS.lagRatePerSecond,
      seconds: SETTINGS.lagSeconds,
    });
    const readRoundTripFigures = await readRoundTrip(call, ids.slice(0, 200));

    say('5/5 memory after the load');
    await sleep(SETTINGS.warmupSeconds * 1_000);
    const after = readProcessMemory(server.pid);
    return {
      register: runs.measured,
      drainMs,
      lag,
      readRoundTrip: readRoundTripFigures,
      memory: {
        idleMb,
        sampledPeakMb: sampler.sampledPeakMb(),
        peakMb: after.peakRssMb,
        afterMb: after.rssMb,
      },
    };
  } finally {
    sampler.stop();
  }
}

async function platform(): Promise<PlatformFigures> {
  const data = tempDir('crm-bench-data-');
  try {
    const server = await startChildServer({
      script: PLATFORM_MAIN,
      env: {
        CRM_DATA_DIR: data.path,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        CRM_SEED_DEMO: 'false',
      },
      ready: /CRM platform is up: (http:\/\/\S+)/,
      timeoutMs: 30_000,
    });
    try {
      return await underLoad(server);
    } catch (error) {
      process.stderr.write(`platform output:\n${server.output()}\n`);
      throw error;
    } finally {
      await server.stop();
    }
  } finally {
    data.remove();
  }
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const date = new Date().toISOString();
  say(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
  say(`1/5 Fastify hello world, ${SETTINGS.connections} connections, ${SETTINGS.seconds} s`);
  const hello = await helloWorld();
  say(
    `2/5 raw event store appends, ${SETTINGS.storeInFlight} in flight, ${SETTINGS.storeSeconds} s`,
  );
  const store = await measureStoreWrites({
    inFlight: SETTINGS.storeInFlight,
    warmupSeconds: 1,
    seconds: SETTINGS.storeSeconds,
  });
  const figures: BenchFigures = {
    date,
    machine,
    settings: SETTINGS,
    hello,
    store,
    ...(await platform()),
  };

  process.stdout.write(`\n${consoleTable(figures)}\n\n`);
  let existing: string | undefined;
  try {
    existing = readFileSync(DOC, 'utf8');
  } catch {
    existing = undefined;
  }
  writeFileSync(DOC, replaceSection(existing, embeddedSection(figures)));
  say(`wrote ${DOC}`);
}

const watchdog = setTimeout(() => {
  say(`still running after ${WATCHDOG_MS / 1_000} s; giving up`);
  process.exit(1);
}, WATCHDOG_MS);
// Exiting runs the 'exit' hooks that kill the child servers and remove the temp folders.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

try {
  await main();
  clearTimeout(watchdog);
} catch (error) {
  say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  // Whatever is still pending (a stuck request, a timer) must not keep a failed run alive.
  process.exit(1);
}
