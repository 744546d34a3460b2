// Phases 3 and 4 on one set of engines: a 100k-event backlog appended to a fresh log, a relay
// draining it to the bus, a projection rebuilt from it, and each part of those alone.
import type { EventBus } from '@crm/event-bus';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import { fillBacklog, type Backlog } from './backlog.ts';
import { measureBusLatency, type BusLatency } from './bus-latency.ts';
import { measureComponents, type ComponentRates } from './component-rates.ts';
import { measureCpu, type CpuProbe } from './cpu-usage.ts';
import { measureRebuild, type RebuildFigures } from './projection-rebuild.ts';
import { benchMessage, measureRelay, type Throughput } from './relay-throughput.ts';

export interface BacklogSettings {
  customers: number;
  eventsPerCustomer: number;
  appendsInFlight: number;
  /** A relay or rebuild still running after this is stopped and reported as unfinished. */
  capMs: number;
}

/** Fresh, empty ones: the run's own schema / file, topics and databases. */
export interface Engines {
  eventStore: EventStore;
  bus: EventBus;
  relayTopic: string;
  relayCheckpoints: DocumentStore;
  rebuildStore: DocumentStore;
  publishTopic: string;
  /** For the bus alone, idle; its consumer group is named after it. */
  latencyTopic: string;
  scratchStore: DocumentStore;
}

export interface BacklogFigures {
  backlog: Backlog;
  relay: Throughput;
  relayCpu: Record<string, number>;
  rebuild: RebuildFigures;
  rebuildCpu: Record<string, number>;
  parts: ComponentRates;
  busLatency: BusLatency;
}

export async function backlogPhases(options: {
  engines: Engines;
  settings: BacklogSettings;
  /** Asked afresh for each phase: a server restarted under the run has a new process. */
  probes: () => CpuProbe[];
  say: (line: string) => void;
}): Promise<BacklogFigures> {
  const { engines: e, settings: s, probes, say } = options;
  say(`   appending ${s.customers * s.eventsPerCustomer} events to a fresh log`);
  const backlog = await fillBacklog(e.eventStore, {
    customers: s.customers,
    eventsPerCustomer: s.eventsPerCustomer,
    inFlight: s.appendsInFlight,
  });

  say('   relay: backlog -> bus');
  let cpu = measureCpu(probes());
  const relay = await measureRelay({
    eventStore: e.eventStore,
    bus: e.bus,
    checkpoints: e.relayCheckpoints,
    topic: e.relayTopic,
    capMs: s.capMs,
  });
  const relayCpu = cpu.stop();

  say('   projection rebuild: backlog -> read store');
  cpu = measureCpu(probes());
  const rebuild = await measureRebuild({
    eventStore: e.eventStore,
    documentStore: e.rebuildStore,
    customers: s.customers,
    eventsPerCustomer: s.eventsPerCustomer,
    capMs: s.capMs,
  });
  const rebuildCpu = cpu.stop();

  say('   each part alone: log reads, bus publishes and latency, read-store writes');
  const parts = await measureComponents({
    eventStore: e.eventStore,
    bus: e.bus,
    topic: e.publishTopic,
    scratch: e.scratchStore,
    toMessage: benchMessage,
  });
  const busLatency = await measureBusLatency(e.bus, e.latencyTopic, `${e.latencyTopic}.group`);
  return { backlog, relay, relayCpu, rebuild, rebuildCpu, parts, busLatency };
}
