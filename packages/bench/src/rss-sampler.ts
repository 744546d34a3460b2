// Resident memory of another process from /proc/<pid>/status (Linux): VmRSS sampled on a timer,
// and the kernel's own high-water mark (VmHWM), which no sampling interval can miss.
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  rssMb: number;
  peakRssMb: number;
}

const kbField = (status: string, field: string): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc status`);
  return Number(match[1]);
};

export function readProcessMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rssMb: kbField(status, 'VmRSS') / 1024, peakRssMb: kbField(status, 'VmHWM') / 1024 };
}

export interface RssSampler {
  /** The largest VmRSS sampled so far, in MB. */
  sampledPeakMb(): number;
  stop(): void;
}

export function sampleRss(pid: number, intervalMs: number): RssSampler {
  let peak = readProcessMemory(pid).rssMb;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, readProcessMemory(pid).rssMb);
    } catch {
      // The process has gone; the bench notices on its next request and fails there.
      clearInterval(timer);
    }
  }, intervalMs);
  timer.unref();
  return { sampledPeakMb: () => peak, stop: () => clearInterval(timer) };
}
