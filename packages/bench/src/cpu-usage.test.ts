import { describe, expect, it } from 'vitest';
import { describeCpu, measureCpu, parseProcStat } from './cpu-usage.ts';

describe('parseProcStat', () => {
  it('reads the parent pid and utime + stime, also when the name holds spaces and parentheses', () => {
    const fields = ['S', '42', ...Array.from({ length: 9 }, () => '0'), '150', '25', '7', '9'];
    expect(parseProcStat(`1234 (my (odd) name) ${fields.join(' ')}`)).toEqual({
      ppid: 42,
      cpuTicks: 175,
    });
  });

  it('refuses text that is not a stat line', () => {
    expect(() => parseProcStat('nonsense')).toThrow();
  });
});

describe('measureCpu', () => {
  it('sees this process burn CPU', () => {
    const cpu = measureCpu([{ name: 'self', pid: process.pid }]);
    const until = Date.now() + 300;
    let spins = 0;
    while (Date.now() < until) spins++;
    expect(spins).toBeGreaterThan(0);
    expect(cpu.stop().self).toBeGreaterThan(0.3);
  });

  it('answers NaN for a process that is not there', () => {
    const cpu = measureCpu([{ name: 'none', pid: 2 ** 22 + 1 }]);
    expect(cpu.stop().none).toBeNaN();
  });
});

describe('describeCpu', () => {
  it('lists the busiest first, and a process that ended apart', () => {
    expect(describeCpu({ bench: 0.4, PostgreSQL: 0.821 })).toBe(
      'PostgreSQL 0.82, bench 0.40 cores (sum 1.22)',
    );
    expect(describeCpu({ bench: 0.4, Kafka: NaN })).toBe(
      'bench 0.40 cores (sum 0.40); Kafka restarted during the phase',
    );
  });
});
