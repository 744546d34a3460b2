// What limited each missed aim, said from the run's own measurements: each part alone, and the
// CPU each process used while the whole ran.
import type { BacklogFigures } from './backlog-phases.ts';
import { describeCpu } from './cpu-usage.ts';
import {
  DISTRIBUTED_AIMS as AIMS,
  sustained,
  type DistributedFigures,
} from './distributed-report.ts';
import { ms, n } from './report.ts';

const rate = (value: number | undefined, unit: string): string =>
  value === undefined ? 'not in this adapter yet' : `${n(value)} ${unit}/s`;

/**
 * The parts each event passes through, one after the other: the rate they allow together, the
 * part that takes longest, and how much of the measured time they account for.
 */
function bound(parts: [string, number | undefined][], measured: number): string {
  const costs = parts.map(([name, perSecond]) => [name, 1 / (perSecond ?? Infinity)] as const);
  const total = costs.reduce((sum, [, cost]) => sum + cost, 0);
  const [slowest, cost] = [...costs].sort((a, b) => b[1] - a[1])[0]!;
  return (
    `one after the other they allow ${n(1 / total)} events/s, ${n((cost / total) * 100)}% of ` +
    `that time ${slowest}; they account for ${n(Math.min(1, total * measured) * 100)}% of the ` +
    'time measured'
  );
}

/** The relay saves its checkpoint every 10,000 events (or second) while it is behind. */
const RELAY_CHECKPOINT_EVERY = 10_000;

/** The relay reads while it publishes: its slowest part alone bounds it. */
function slowestPart(parts: [string, number | undefined][], measured: number): string {
  const known = parts.filter((part): part is [string, number] => part[1] !== undefined);
  const [slowest, perSecond] = [...known].sort((a, b) => a[1] - b[1])[0]!;
  return (
    `it overlaps reading with publishing, so the slowest part alone bounds it: ${slowest} at ` +
    `${n(perSecond)}/s; the relay reached ${n((measured / perSecond) * 100)}% of that`
  );
}

export function missedAims(f: DistributedFigures): string[] {
  const found: string[] = [];
  const { lag } = f.service;
  if (!sustained(f)) {
    found.push(
      `2 rate: the service answered ${n(lag.achievedPerSecond, 1)} of ${lag.targetPerSecond} ` +
        `commands/s (POST p99 ${ms(lag.writeP99Ms)}, ${n(lag.failed)} failed or timed out); with ${f.settings.connections} connections in 1 it answered ` +
        `${n(f.service.register.requestsPerSecond)}/s at most. CPU: ${describeCpu(f.service.lagCpu)}.`,
    );
  }
  const idle = f.distributed.busLatency;
  const split = (at: typeof lag) =>
    `log -> produced to Kafka p99 ${ms(at.toProduceP99Ms)}, produced -> consumed p99 ` +
    `${ms(at.produceToConsumerP99Ms)} (on an idle bus, publish -> consumer alone: p50 ` +
    `${ms(idle.p50Ms)}, p99 ${ms(idle.p99Ms)})`;
  if (lag.lagP99Ms >= AIMS.lagP99Ms) {
    found.push(
      `2 lag at ${lag.targetPerSecond}/s: ${split(lag)}; CPU: ${describeCpu(f.service.lagCpu)}.`,
    );
  }
  const calm = f.service.sustainableLag;
  if (calm && calm.lagP99Ms >= AIMS.lagP99Ms) {
    found.push(`2b lag at ${calm.targetPerSecond}/s: ${split(calm)}.`);
  }
  for (const [label, b] of [
    ['distributed', f.distributed],
    ['embedded', f.embeddedBacklog],
  ] as const) {
    if (b.relay.perSecond < AIMS.relayPerSecond) {
      found.push(
        `3 ${label}: ${n(b.relay.perSecond)} events/s. Log read ${rate(b.parts.logRead, 'events')}, ` +
          `toMessage ${rate(b.parts.toMessage, 'events')}, ` +
          `bus publish ${rate(b.parts.busPublish, 'messages')}: ` +
          `${slowestPart(
            [
              ['reading the log', b.parts.logRead],
              ['toMessage', b.parts.toMessage],
              ['publishing', b.parts.busPublish],
              ['saving checkpoints', (RELAY_CHECKPOINT_EVERY * 1_000) / b.parts.checkpointMs],
            ],
            b.relay.perSecond,
          )}. ` +
          `CPU: ${describeCpu(b.relayCpu)}.`,
      );
    }
    if (b.rebuild.perSecond < AIMS.rebuildPerSecond)
      found.push(rebuildLimit(label, b, f.settings.customers));
  }
  return found.length > 0 ? found : ['No aim was missed.'];
}

function rebuildLimit(label: string, b: BacklogFigures, customers: number): string {
  const r = b.rebuild;
  const events = Math.max(1, r.events);
  const perEvent = r.writes / events;
  // The first write of each customer is an insert, every later one an update of a stored card.
  const inserts = Math.min(customers, r.writes) / events;
  const updates = Math.max(0, r.writes - customers) / events;
  const per = (rate: number | undefined, share: number) =>
    rate === undefined || share === 0 ? undefined : rate / share;
  const steps: [string, number | undefined][] =
    r.batches > 0
      ? [
          ['reading the log', b.parts.logRead],
          ['getManyVersioned', per(b.parts.getMany, perEvent)],
          ['putMany inserting new cards', per(b.parts.putMany, inserts)],
          ['putMany updating stored cards', per(b.parts.putManyUpdates, updates)],
          ['saving checkpoints', (r.meanBatchSize * 1_000) / b.parts.checkpointMs],
        ]
      : [
          ['reading the log', b.parts.logRead],
          ['handle() one event at a time', b.parts.oneByOne],
        ];
  const mode =
    r.batches > 0
      ? `batches of ${n(r.meanBatchSize)} events wrote ${n(perEvent, 2)} documents per event ` +
        `(${n(inserts * events)} inserts, ${n(updates * events)} updates)`
      : `the projector called handle() for each event (no handleBatch), ${n(r.writes)} writes`;
  return (
    `4 ${label}: ${n(r.perSecond)} events/s; ${mode}; ${bound(steps, r.perSecond)}. ` +
    `CPU: ${describeCpu(b.rebuildCpu)}.`
  );
}
