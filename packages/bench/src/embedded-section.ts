// The embedded benchmark's section of docs/benchmarks.md: machine, method, figures, and the few
// figures the distributed run sets beside its own (as a comment).
import { bullet, EMBEDDED_HEADING, figuresComment } from './latest-run.ts';
import { ms, n, rowsOf, type BenchFigures } from './report.ts';

function method(f: BenchFigures): string[] {
  const s = f.settings;
  return [
    'Everything on 127.0.0.1, the load generator and the servers on the same machine (autocannon ' +
      `takes a core). Each HTTP phase has a ${s.warmupSeconds} s warm-up whose figures are ` +
      'discarded. Latency percentiles are nearest-rank over every 2xx response, to 0.01 ms.',
    `1: a bare Fastify 5 server (logger off) in its own process; autocannon, ${s.connections} ` +
      `connections, ${s.seconds} s, GET /.`,
    `2: \`openSqliteEventStore\` on a temp file in the bench process; ${s.storeInFlight} appends ` +
      `in flight for ${s.storeSeconds} s, each one event to a new stream ` +
      "(`expectedRevision: 'no_stream'`).",
    '3: the platform as `npm start` runs it (`node packages/platform/src/main.ts`, fresh data ' +
      `folder, no demo data, LOG_LEVEL=warn); autocannon, ${s.connections} connections, ` +
      `${s.seconds} s, POST /customers as admin, each request a new person with a phone never ` +
      'used before. Any non-2xx, error or timeout fails the run. Then one more customer is ' +
      'registered and read back with `waitForRevision`: the read models had caught up with the ' +
      `burst ${n(f.drainMs)} ms later.`,
    `4: one client, open loop, ${s.lagRatePerSecond} POST /customers per second for ` +
      `${s.lagSeconds} s; for each 201, the time until ` +
      '`GET /customers/{id}?waitForRevision=<revision>` answers 200. The server answers it the ' +
      'moment the projector reports the document written (no polling interval), so the figure is ' +
      'the lag plus one loopback GET; that GET alone, on customers already readable, takes ' +
      `p50 ${ms(f.readRoundTrip.p50Ms)}, p99 ${ms(f.readRoundTrip.p99Ms)}. Polling a plain GET ` +
      'every 1 ms was not used: it adds up to 1,000 requests/s per pending command to the very ' +
      'process being measured and still cannot resolve less than one round trip. The POSTs ' +
      `themselves took p50 ${ms(f.lag.writeP50Ms)}, p99 ${ms(f.lag.writeP99Ms)}.`,
    '5: VmRSS of the platform process from /proc/<pid>/status every 50 ms through phases 3 and 4 ' +
      `and ${s.warmupSeconds} s after (sampled peak ${n(f.memory.sampledPeakMb, 1)} MB); the ` +
      "figure is the kernel's high-water mark VmHWM, which no sampling interval can miss.",
  ];
}

/** What the distributed section compares against, read back by `readFigures`. */
export const comparableFigures = (f: BenchFigures): Record<string, number> => ({
  registerPerSecond: Math.round(f.register.requestsPerSecond * 10) / 10,
  registerP50Ms: f.register.p50Ms,
  registerP99Ms: f.register.p99Ms,
});

export function embeddedSection(f: BenchFigures): string {
  const m = f.machine;
  const table = rowsOf(f).map(
    (row) =>
      `| ${row.measure} | ${row.result} | ${row.p50} | ${row.p99} | ${row.aim} | ${row.verdict} |`,
  );
  return [
    EMBEDDED_HEADING,
    '',
    figuresComment(comparableFigures(f)),
    '',
    bullet(`Date: ${f.date}`),
    bullet(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, Node ${m.node}`),
    bullet(`Load average (1 min) when the run started: ${m.loadAverage}`),
    '',
    '### Method',
    '',
    ...method(f).map((text) => bullet(text)),
    '',
    '### Figures',
    '',
    '| Measure | Result | p50 | p99 | Aim | Verdict |',
    '| --- | --- | --- | --- | --- | --- |',
    ...table,
    '',
    '### Reproduce',
    '',
    '```sh',
    'pnpm --filter @crm/bench run bench:embedded   # about a minute; rewrites this section only',
    '```',
    '',
  ].join('\n');
}
