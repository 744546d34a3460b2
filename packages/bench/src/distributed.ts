// `npm run bench` (after the embedded run), or `pnpm --filter @crm/bench run bench:distributed`:
// the services on PostgreSQL + Kafka + FerretDB, next to the embedded adapters, in one run on this
// machine; prints the figures and rewrites the "Latest run: distributed" section of the doc.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteEventBus } from '@crm/event-bus';
import { openKafkaEventBus } from '@crm/event-bus-kafka';
import { openSqliteEventStore } from '@crm/event-store';
import { openPostgresEventStore } from '@crm/event-store-postgres';
import { openSqliteDocumentStore } from '@crm/read-store';
import { openMongoDocumentStore } from '@crm/read-store-mongodb';
import { realServers, uniqueName, type RealServers } from '@crm/test-servers';
import { backlogPhases, type BacklogFigures, type BacklogSettings } from './backlog-phases.ts';
import type { CpuProbe } from './cpu-usage.ts';
import { PARTITIONS } from './customers-process.ts';
import { distributedConsole, type DistributedFigures } from './distributed-report.ts';
import { distributedSection } from './distributed-section.ts';
import { EMBEDDED_HEADING, readFigures, replaceSection } from './latest-run.ts';
import { serverProbes } from './listening-pid.ts';
import { describeMachine } from './machine.ts';
import { removeRunResources, runNames, type RunNames } from './run-resources.ts';
import { describeServers } from './server-versions.ts';
import { serviceUnderLoad, type ServiceSettings } from './service-phases.ts';
import { tempDir } from './temp-dir.ts';

const FULL: ServiceSettings & BacklogSettings = {
  connections: 50,
  warmupSeconds: 2,
  seconds: 10,
  lagRatePerSecond: 500,
  lagSeconds: 10,
  customers: 20_000,
  eventsPerCustomer: 5,
  appendsInFlight: 500,
  capMs: 8 * 60_000,
};
// `--quick`: every phase at a small scale, to try the run out; the doc is left alone.
const QUICK = process.argv.includes('--quick');
const SETTINGS = QUICK
  ? {
      ...FULL,
      seconds: 3,
      warmupSeconds: 1,
      lagRatePerSecond: 100,
      lagSeconds: 3,
      customers: 1_000,
    }
  : FULL;
// A rebuild one event at a time on FerretDB can take minutes; past this something hangs.
const WATCHDOG_MS = 40 * 60_000;
const DOC = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

const say = (line: string): void => void process.stderr.write(`[bench:distributed] ${line}\n`);

async function onServers(servers: RealServers, names: RunNames, probes: () => CpuProbe[]) {
  const b = names.backlog;
  const eventStore = await openPostgresEventStore({
    connectionString: servers.databaseUrl,
    schema: b.schema,
  });
  const bus = await openKafkaEventBus({
    brokers: servers.kafkaBrokers,
    clientId: `${names.run}-relay`,
    defaultPartitions: PARTITIONS,
    logLevel: 'error',
  });
  const open = (database: string) => openMongoDocumentStore({ url: servers.mongodbUrl, database });
  const relayCheckpoints = await open(b.relayDatabase);
  const rebuildStore = await open(b.rebuildDatabase);
  const scratchStore = await open(b.scratchDatabase);
  const stores = [relayCheckpoints, rebuildStore, scratchStore];
  try {
    return await backlogPhases({
      engines: {
        eventStore,
        bus,
        relayTopic: b.relayTopic,
        relayCheckpoints,
        rebuildStore,
        publishTopic: b.publishTopic,
        latencyTopic: b.latencyTopic,
        scratchStore,
      },
      settings: SETTINGS,
      probes,
      say,
    });
  } finally {
    await Promise.all([...stores.map((store) => store.close()), bus.close(), eventStore.close()]);
  }
}

async function embeddedEngines(probes: () => CpuProbe[]): Promise<BacklogFigures> {
  const dir = tempDir('crm-bench-backlog-');
  const eventStore = openSqliteEventStore({ path: join(dir.path, 'events.sqlite') });
  const bus = openSqliteEventBus({ path: join(dir.path, 'bus.sqlite') });
  const open = (name: string) =>
    openSqliteDocumentStore({ path: join(dir.path, `${name}.sqlite`) });
  const relayCheckpoints = open('relay');
  const rebuildStore = open('rebuild');
  const scratchStore = open('scratch');
  try {
    return await backlogPhases({
      engines: {
        eventStore,
        bus,
        relayTopic: 'bench.relay',
        relayCheckpoints,
        rebuildStore,
        publishTopic: 'bench.publish',
        latencyTopic: 'bench.latency',
        scratchStore,
      },
      settings: SETTINGS,
      probes,
      say,
    });
  } finally {
    await Promise.all(
      [relayCheckpoints, rebuildStore, scratchStore, bus, eventStore].map((c) => c.close()),
    );
    dir.remove();
  }
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const date = new Date().toISOString();
  say(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
  const servers = await realServers();
  const names = runNames(uniqueName('bench'));
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= removeRunResources(servers, names.run).then(
      (removed) => say(`removed ${removed.length} run resources (${names.run}*)`),
      (error: unknown) => say(`cleanup failed: ${String(error)}`),
    ));
  // Ctrl-C: remove what the run created before exiting (the child process dies with the 'exit' hook).
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanUp().finally(() => process.exit(143)));
  try {
    let existing: string | undefined;
    try {
      existing = readFileSync(DOC, 'utf8');
    } catch {
      existing = undefined;
    }
    const serverDescription = await describeServers(servers);
    say(serverDescription);
    const probes = () => serverProbes(servers);
    say(
      `watching the CPU of ${probes()
        .map((probe) => probe.name)
        .join(', ')}`,
    );
    const service = await serviceUnderLoad({ servers, names, settings: SETTINGS, probes, say });
    say('3-4/4 backlog on PostgreSQL -> Kafka / FerretDB');
    const distributed = await onServers(servers, names, probes);
    say('3-4/4 backlog on SQLite -> embedded bus / embedded read store');
    const embeddedBacklog = await embeddedEngines(probes);
    const figures: DistributedFigures = {
      date,
      machine,
      servers: serverDescription,
      settings: SETTINGS,
      embedded: readFigures(existing, EMBEDDED_HEADING),
      service,
      distributed,
      embeddedBacklog,
    };
    process.stdout.write(`\n${distributedConsole(figures)}\n\n`);
    if (QUICK) {
      process.stdout.write(`${distributedSection(figures)}\n`);
      return;
    }
    // Read again: the embedded run may have rewritten its section meanwhile.
    writeFileSync(DOC, replaceSection(readFileSync(DOC, 'utf8'), distributedSection(figures)));
    say(`wrote ${DOC}`);
  } finally {
    await cleanUp();
  }
}

const watchdog = setTimeout(() => {
  say(`still running after ${WATCHDOG_MS / 1_000} s; giving up`);
  process.exit(1);
}, WATCHDOG_MS);

try {
  await main();
  clearTimeout(watchdog);
  // Kafka and database clients may keep timers alive for a while; the run is done.
  process.exit(0);
} catch (error) {
  say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
