// One distributed run's figures, the aims they are held to, and the rows they are shown in, each
// beside the embedded figure where the embedded run has one.
import type { BacklogFigures, BacklogSettings } from './backlog-phases.ts';
import type { Machine } from './machine.ts';
import type { Throughput } from './relay-throughput.ts';
import { ms, n } from './report.ts';
import { SUSTAINED_SHARE, type ServiceFigures, type ServiceSettings } from './service-phases.ts';

export interface DistributedFigures {
  date: string;
  machine: Machine;
  servers: string;
  settings: ServiceSettings & BacklogSettings;
  /** From the embedded section of docs/benchmarks.md (see embedded-section.ts); absent if none. */
  embedded: Record<string, number> | undefined;
  service: ServiceFigures;
  distributed: BacklogFigures;
  embeddedBacklog: BacklogFigures;
}

export const DISTRIBUTED_AIMS = { lagP99Ms: 250, relayPerSecond: 20_000, rebuildPerSecond: 20_000 };

export interface DistributedRow {
  measure: string;
  distributed: string;
  embedded: string;
  aim: string;
  verdict: string;
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
const both = (distributed: number, embedded: number, aim: number): string =>
  `${verdict(distributed >= aim)} / ${verdict(embedded >= aim)}`;

export const sustained = (f: DistributedFigures): boolean =>
  f.service.lag.failed === 0 &&
  f.service.lag.achievedPerSecond >= f.service.lag.targetPerSecond * SUSTAINED_SHARE;

/** Commands that failed or timed out are left out of the lag figures: say how many. */
const failures = (lag: { failed: number }): string =>
  lag.failed > 0 ? `; ${n(lag.failed)} failed or timed out (10 s), not counted` : '';

const rebuildMode = (r: BacklogFigures['rebuild']): string =>
  r.batches === 0
    ? 'one event at a time'
    : `batches of ${n(r.meanBatchSize)}` +
      (r.oneByOne > 0 ? `, ${n(r.oneByOne)} events one by one` : '');

const throughput = (t: Throughput, detail = ''): string =>
  `${n(t.perSecond)} events/s (${n(t.seconds, 2)} s${detail})` +
  (t.finished ? '' : `; STOPPED by the time cap after ${n(t.events)} events, before the head`);

export function distributedRows(f: DistributedFigures): DistributedRow[] {
  const { register, lag } = f.service;
  const e = f.embedded;
  const s = f.settings;
  const events = n(f.distributed.backlog.events);
  const rate = sustained(f)
    ? `${n(lag.achievedPerSecond, 1)}/s`
    : `${n(lag.achievedPerSecond, 1)}/s (target ${lag.targetPerSecond}/s NOT sustained)`;
  return [
    {
      measure: `1. POST /customers, ${s.connections} connections, unique phones`,
      distributed:
        `${n(register.requestsPerSecond)} req/s, p50 ${ms(register.p50Ms)}, p99 ` +
        `${ms(register.p99Ms)}; ${n(register.non2xx)} non-2xx of ${n(register.requests)}`,
      embedded:
        e?.registerPerSecond === undefined
          ? 'no embedded run recorded'
          : `${n(e.registerPerSecond)} req/s, p50 ${ms(e.registerP50Ms ?? NaN)}, p99 ` +
            `${ms(e.registerP99Ms ?? NaN)}`,
      aim: '-',
      verdict: '-',
    },
    {
      measure: `2. Append -> Kafka -> consumer lag, open loop ${lag.targetPerSecond}/s for ${s.lagSeconds} s`,
      distributed:
        `p50 ${ms(lag.lagP50Ms)}, p99 ${ms(lag.lagP99Ms)}, max ${ms(lag.lagMaxMs)}; ` +
        `${n(lag.commands)} commands at ${rate}${failures(lag)}`,
      embedded: '- (no Kafka; append -> read model lag is in the embedded section)',
      aim: `p99 < ${DISTRIBUTED_AIMS.lagP99Ms} ms at ${lag.targetPerSecond}/s`,
      verdict: verdict(sustained(f) && lag.lagP99Ms < DISTRIBUTED_AIMS.lagP99Ms),
    },
    ...sustainableRow(f),
    {
      measure: `3. Relay, ${events}-event backlog -> bus (PostgreSQL -> Kafka / SQLite -> embedded bus)`,
      distributed: throughput(f.distributed.relay),
      embedded: throughput(f.embeddedBacklog.relay),
      aim: `>= ${n(DISTRIBUTED_AIMS.relayPerSecond)} events/s`,
      verdict: both(
        f.distributed.relay.perSecond,
        f.embeddedBacklog.relay.perSecond,
        DISTRIBUTED_AIMS.relayPerSecond,
      ),
    },
    {
      measure:
        `4. Projection rebuild, ${events} events -> ${n(s.customers)} documents ` +
        '(PostgreSQL -> FerretDB / SQLite -> embedded read store)',
      distributed: throughput(f.distributed.rebuild, `, ${rebuildMode(f.distributed.rebuild)}`),
      embedded: throughput(
        f.embeddedBacklog.rebuild,
        `, ${rebuildMode(f.embeddedBacklog.rebuild)}`,
      ),
      aim: `>= ${n(DISTRIBUTED_AIMS.rebuildPerSecond)} events/s`,
      verdict: both(
        f.distributed.rebuild.perSecond,
        f.embeddedBacklog.rebuild.perSecond,
        DISTRIBUTED_AIMS.rebuildPerSecond,
      ),
    },
  ];
}

/** For the terminal: one block per measure (the cells are too long for one line each). */
export function distributedConsole(f: DistributedFigures): string {
  return distributedRows(f)
    .map(
      (row) =>
        `${row.measure}\n  distributed: ${row.distributed}\n  embedded:    ${row.embedded}\n` +
        `  aim: ${row.aim}  ${row.verdict}`,
    )
    .join('\n');
}

/** 2b, when the target rate was not sustained: the lag at a rate the service keeps up with. */
function sustainableRow(f: DistributedFigures): DistributedRow[] {
  const lag = f.service.sustainableLag;
  if (lag === undefined) return [];
  return [
    {
      measure:
        `2b. The same at ${lag.targetPerSecond}/s (half the rate of 1), as ` +
        `${f.service.lag.targetPerSecond}/s ` +
        'was not sustained',
      distributed:
        `p50 ${ms(lag.lagP50Ms)}, p99 ${ms(lag.lagP99Ms)}, max ${ms(lag.lagMaxMs)}; ` +
        `${n(lag.commands)} commands at ${n(lag.achievedPerSecond, 1)}/s${failures(lag)}`,
      embedded: '-',
      aim: `p99 < ${DISTRIBUTED_AIMS.lagP99Ms} ms (lag alone)`,
      verdict: verdict(lag.lagP99Ms < DISTRIBUTED_AIMS.lagP99Ms),
    },
  ];
}
