// The distributed run's section of docs/benchmarks.md: machine and servers, method, figures,
// each part measured alone, and what those measurements say limited any missed aim.
import { describeCpu } from './cpu-usage.ts';
import { PARTITIONS } from './customers-process.ts';
import { distributedRows, type DistributedFigures } from './distributed-report.ts';
import { bullet, DISTRIBUTED_HEADING } from './latest-run.ts';
import { missedAims } from './missed-aims.ts';
import { ms, n } from './report.ts';

const rate = (value: number | undefined, unit: string): string =>
  value === undefined ? 'not in this adapter yet' : `${n(value)} ${unit}/s`;

function method(f: DistributedFigures): string[] {
  const s = f.settings;
  const events = n(s.customers * s.eventsPerCustomer);
  return [
    'Everything on 127.0.0.1: the servers, the customers process and the bench share the ' +
      "machine's cores. Each run uses fresh, uniquely named schemas, topics, databases and " +
      'consumer groups and removes them at the end.',
    '1: the customers service as its own process (`node services/customers/src/main.ts`) on ' +
      `PostgreSQL (event store), Kafka (${PARTITIONS} partitions) and FerretDB (read models), LOG_LEVEL=warn; ` +
      `autocannon, ${s.connections} connections, ${s.seconds} s after a ${s.warmupSeconds} s ` +
      'warm-up, POST /customers as admin, every phone new. Any non-2xx fails the run. The read ' +
      `models had caught up with the burst ${n(f.service.drainMs)} ms after it.`,
    `2: open loop, ${s.lagRatePerSecond} POST /customers per second for ${s.lagSeconds} s ` +
      '(each leaves on schedule whether or not earlier ones have answered). A kafkajs consumer ' +
      "(openKafkaEventBus().subscribe) in the bench process on the service's topic takes, for " +
      'each event, now - ce_time (when the event was recorded in the log), over the first ' +
      'delivery of each. The rate reported is that of the answers, first to last. The POSTs took p50 ' +
      `${ms(f.service.lag.writeP50Ms)}, p99 ${ms(f.service.lag.writeP99Ms)}.`,
    `3 and 4: ${n(s.customers)} customers x ${s.eventsPerCustomer} customer-like events ` +
      `(${events}) appended straight to a fresh log, one event per append, ${s.appendsInFlight} ` +
      "in flight, round by round (every customer's first event, then every second, ...), so one " +
      "customer's events lie far apart as in a real log. PostgreSQL took " +
      `${n(f.distributed.backlog.appendsPerSecond)} appends/s, SQLite ` +
      `${n(f.embeddedBacklog.backlog.appendsPerSecond)}.`,
    '3: a `Relay` (@crm/event-processing, defaults: it reads the next events while one publish ' +
      'is out, batches of 500 and up to 1,000 while behind, checkpoint saved every 10,000 events ' +
      'or 1 s) from position 0 to a fresh topic, each event as a CloudEvent in the Kafka binary ' +
      'binding, checkpoint in the read store; timed from start() until the bus has accepted the ' +
      'head and stop() has saved the checkpoint there.',
    '4: a `Projector` with a bench projection that does what a real one does: ONE document per ' +
      'customer folded from its events, every write guarded by the stream revision; `handleBatch` ' +
      'folds a batch per customer and writes with one getManyVersioned + one putMany. Timed from ' +
      'start() on an empty database until it reaches the head; then the documents are checked.',
    'Each part alone: the same engines and data, one call after another, as the relay and the ' +
      'projector make them. CPU: utime + stime of each process over the phase (the process ' +
      "behind each server's port; PostgreSQL with its connection processes, which include the " +
      'queries FerretDB makes when it keeps its documents there, as infra/servers runs it).',
  ];
}

const latency = (b: DistributedFigures['distributed']): string =>
  `p50 ${ms(b.busLatency.p50Ms)}, p99 ${ms(b.busLatency.p99Ms)} (${b.busLatency.messages} messages)`;

function partsTable(f: DistributedFigures): string[] {
  const d = f.distributed;
  const e = f.embeddedBacklog;
  const row = (part: string, dist: string, emb: string) => `| ${part} | ${dist} | ${emb} |`;
  return [
    '| Part, alone, on the same data | PostgreSQL / Kafka / FerretDB | SQLite / embedded bus / SQLite |',
    '| --- | --- | --- |',
    row('Log read, pages of 500', rate(d.parts.logRead, 'events'), rate(e.parts.logRead, 'events')),
    row(
      'toMessage (CloudEvent, binary binding)',
      rate(d.parts.toMessage, 'events'),
      rate(e.parts.toMessage, 'events'),
    ),
    row(
      'Bus publish, batches of 500',
      rate(d.parts.busPublish, 'messages'),
      rate(e.parts.busPublish, 'messages'),
    ),
    row(
      'Read store putMany, 500 new documents a call (one per customer)',
      rate(d.parts.putMany, 'docs'),
      rate(e.parts.putMany, 'docs'),
    ),
    row(
      'Read store putMany, 500 newer versions of stored documents a call (5,000 of them)',
      rate(d.parts.putManyUpdates, 'docs'),
      rate(e.parts.putManyUpdates, 'docs'),
    ),
    row(
      'Read store getManyVersioned, 500 ids a call (5,000 of them)',
      rate(d.parts.getMany, 'docs'),
      rate(e.parts.getMany, 'docs'),
    ),
    row('One setCheckpoint', ms(d.parts.checkpointMs), ms(e.parts.checkpointMs)),
    row('Bus alone, idle: publish() -> consumer, one message every 20 ms', latency(d), latency(e)),
    row(
      'Projection handle(), one event at a time',
      rate(d.parts.oneByOne, 'events'),
      rate(e.parts.oneByOne, 'events'),
    ),
    row(
      'CPU during the relay (of ' + `${f.machine.cores})`,
      describeCpu(d.relayCpu),
      describeCpu(e.relayCpu),
    ),
    row('CPU during the rebuild', describeCpu(d.rebuildCpu), describeCpu(e.rebuildCpu)),
    row('CPU during 1, the POST burst', describeCpu(f.service.registerCpu), '-'),
    row(`CPU during 2, ${f.service.lag.targetPerSecond}/s`, describeCpu(f.service.lagCpu), '-'),
  ];
}

export function distributedSection(f: DistributedFigures): string {
  const m = f.machine;
  const table = distributedRows(f).map(
    (row) =>
      `| ${row.measure} | ${row.distributed} | ${row.embedded} | ${row.aim} | ${row.verdict} |`,
  );
  return [
    DISTRIBUTED_HEADING,
    '',
    bullet(`Date: ${f.date}`),
    bullet(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, Node ${m.node}`),
    bullet(`Servers: ${f.servers}`),
    bullet(`Load average (1 min) when the run started: ${m.loadAverage}`),
    '',
    '### Method',
    '',
    ...method(f).map((text) => bullet(text)),
    '',
    '### Figures',
    '',
    '| Measure | Distributed | Embedded | Aim | Verdict (distributed / embedded) |',
    '| --- | --- | --- | --- | --- |',
    ...table,
    '',
    '### Each part alone',
    '',
    ...partsTable(f),
    '',
    '### What limited the missed aims (from the measurements above)',
    '',
    ...missedAims(f).map((text) => bullet(text)),
    '',
    '### Reproduce',
    '',
    '```sh',
    'pnpm --filter @crm/bench run bench:distributed   # up to ~15 min; rewrites this section only',
    '```',
    '',
  ].join('\n');
}
