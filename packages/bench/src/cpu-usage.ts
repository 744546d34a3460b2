// CPU used by each process that takes part in a phase (Linux /proc): on a small machine the
// servers, the service and the bench share the cores, and this shows which one was saturated.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** USER_HZ, the unit of utime/stime in /proc/<pid>/stat: 100 on every mainstream Linux ABI. */
const TICKS_PER_SECOND = 100;

export interface ProcStat {
  ppid: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

/** Parses /proc/<pid>/stat; the command name (2nd field) may hold spaces and parentheses. */
export function parseProcStat(text: string): ProcStat {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
  const ppid = Number(fields[1]);
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ppid) || !Number.isFinite(cpuTicks)) throw new Error('unreadable stat');
  return { ppid, cpuTicks };
}

const statOf = (pid: number): ProcStat | undefined => {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // gone
  }
};

/** A process, and for servers that fork per connection (PostgreSQL) its children too. */
export interface CpuProbe {
  name: string;
  pid: number;
  withChildren?: boolean;
}

/** The probe's CPU ticks; undefined when its process has gone. */
function ticksOf(probe: CpuProbe): number | undefined {
  const own = statOf(probe.pid)?.cpuTicks;
  if (own === undefined) return undefined;
  let ticks = own;
  if (probe.withChildren) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = statOf(Number(entry));
      if (stat?.ppid === probe.pid) ticks += stat.cpuTicks;
    }
  }
  return ticks;
}

/**
 * Cores used on average (1.0 = one core busy) by each probe between start and `stop()`; NaN for a
 * process that ended meanwhile (a server restarted under the run).
 */
export function measureCpu(probes: readonly CpuProbe[]): { stop(): Record<string, number> } {
  const before = probes.map(ticksOf);
  const started = performance.now();
  return {
    stop: () => {
      const seconds = (performance.now() - started) / 1_000;
      return Object.fromEntries(
        probes.map((probe, i) => {
          const [from, to] = [before[i], ticksOf(probe)];
          const used =
            from === undefined || to === undefined ? NaN : (to - from) / TICKS_PER_SECOND;
          return [probe.name, used / seconds];
        }),
      );
    },
  };
}

/** "PostgreSQL 0.82, bench 0.40 cores (sum 1.22)": busiest first. */
export const describeCpu = (cores: Record<string, number>): string => {
  const entries = Object.entries(cores);
  const gone = entries.filter(([, used]) => Number.isNaN(used)).map(([name]) => name);
  const busiest = entries
    .filter(([, used]) => !Number.isNaN(used))
    .sort((a, b) => b[1] - a[1])
    .map(([name, used]) => `${name} ${used.toFixed(2)}`)
    .join(', ');
  const sum = entries.reduce((total, [, used]) => total + (Number.isNaN(used) ? 0 : used), 0);
  return (
    `${busiest} cores (sum ${sum.toFixed(2)})` +
    (gone.length ? `; ${gone.join(', ')} restarted during the phase` : '')
  );
};
