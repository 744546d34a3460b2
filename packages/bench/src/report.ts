// One run's figures, the aims they are held to, and the table they are shown in.
import type { HttpLoadFigures } from './http-load.ts';
import type { Machine } from './machine.ts';
import type { ReadLagFigures } from './read-lag.ts';
import type { StoreWriteFigures } from './store-writes.ts';

export interface BenchSettings {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  storeInFlight: number;
  storeSeconds: number;
  lagRatePerSecond: number;
  lagSeconds: number;
}

export interface BenchFigures {
  date: string;
  machine: Machine;
  settings: BenchSettings;
  hello: HttpLoadFigures;
  store: StoreWriteFigures;
  register: HttpLoadFigures;
  drainMs: number;
  lag: Omit<ReadLagFigures, 'ids'>;
  readRoundTrip: { p50Ms: number; p99Ms: number };
  memory: { idleMb: number; sampledPeakMb: number; peakMb: number; afterMb: number };
}

export const AIMS = { registerShareOfHello: 0.4, lagP99Ms: 50, peakRssMb: 300 };

export const n = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (value: number): string => `${n(value, value < 10 ? 2 : 1)} ms`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

interface Row {
  measure: string;
  result: string;
  p50: string;
  p99: string;
  aim: string;
  verdict: string;
}

export function rowsOf(f: BenchFigures): Row[] {
  const share = f.register.requestsPerSecond / f.hello.requestsPerSecond;
  const ofStore = f.register.requestsPerSecond / f.store.appendsPerSecond;
  const { connections: c, storeInFlight } = f.settings;
  return [
    {
      measure: `1. Baseline: Fastify 5 hello world, ${c} connections`,
      result: `${n(f.hello.requestsPerSecond)} req/s`,
      p50: ms(f.hello.p50Ms),
      p99: ms(f.hello.p99Ms),
      aim: '-',
      verdict: '-',
    },
    {
      measure: `2. Baseline: raw event store appends, ${storeInFlight} in flight`,
      result: `${n(f.store.appendsPerSecond)} appends/s (${n(f.store.appendsPerCommit, 1)} per commit)`,
      p50: ms(f.store.p50Ms),
      p99: ms(f.store.p99Ms),
      aim: '-',
      verdict: '-',
    },
    {
      measure: `3. POST /customers, ${c} connections, unique phones`,
      result:
        `${n(f.register.requestsPerSecond)} req/s = ${n(share * 100, 1)}% of hello world ` +
        `(${n(ofStore * 100, 1)}% of raw appends); ${n(f.register.non2xx)} non-2xx ` +
        `of ${n(f.register.requests)}`,
      p50: ms(f.register.p50Ms),
      p99: ms(f.register.p99Ms),
      aim: `>= ${AIMS.registerShareOfHello * 100}% of hello world`,
      verdict: verdict(share >= AIMS.registerShareOfHello),
    },
    {
      measure: `4. Append to read-model lag, ${f.settings.lagRatePerSecond} commands/s`,
      result: `${n(f.lag.commands)} commands at ${n(f.lag.achievedPerSecond, 1)}/s; max ${ms(f.lag.lagMaxMs)}`,
      p50: ms(f.lag.lagP50Ms),
      p99: ms(f.lag.lagP99Ms),
      aim: `p99 < ${AIMS.lagP99Ms} ms`,
      verdict: verdict(f.lag.lagP99Ms < AIMS.lagP99Ms),
    },
    {
      measure: '5. Platform peak resident memory (VmHWM)',
      result:
        `${n(f.memory.peakMb, 1)} MB (idle ${n(f.memory.idleMb, 1)}, ` +
        `after load ${n(f.memory.afterMb, 1)})`,
      p50: '-',
      p99: '-',
      aim: `< ${AIMS.peakRssMb} MB`,
      verdict: verdict(f.memory.peakMb < AIMS.peakRssMb),
    },
  ];
}

export function consoleTable(f: BenchFigures): string {
  const header: Row = {
    measure: 'Measure',
    result: 'Result',
    p50: 'p50',
    p99: 'p99',
    aim: 'Aim',
    verdict: '',
  };
  const rows = [header, ...rowsOf(f)];
  const keys = Object.keys(header) as (keyof Row)[];
  const widths = keys.map((key) => Math.max(...rows.map((row) => row[key].length)));
  return rows
    .map((row) =>
      keys
        .map((key, i) => row[key].padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
