import { describe, expect, it } from 'vitest';
import { endOfShanghaiDay, normaliseDate, requireNotPast, shanghaiDate } from './dates.ts';

describe('dates', () => {
  it('takes real calendar dates only', () => {
    expect(normaliseDate('expectedCloseDate', ' 2028-02-29 ')).toBe('2028-02-29');
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-3-1', '2026/03/01']) {
      expect(() => normaliseDate('expectedCloseDate', bad), bad).toThrow(/malformed/);
    }
    expect(() => normaliseDate('expectedCloseDate', '')).toThrow(/required/);
  });

  it('counts days in Asia/Shanghai', () => {
    expect(shanghaiDate('2026-03-01T15:59:59.999Z')).toBe('2026-03-01');
    expect(shanghaiDate('2026-03-01T16:00:00.000Z')).toBe('2026-03-02');
    expect(endOfShanghaiDay('2026-03-31')).toBe(Date.parse('2026-03-31T16:00:00.000Z'));
  });

  it('refuses a date before the day of the command, not the same day', () => {
    const at = '2026-03-01T16:30:00.000Z'; // 00:30 on 2 March in Shanghai
    expect(() => requireNotPast('validUntil', '2026-03-02', at)).not.toThrow();
    expect(() => requireNotPast('validUntil', '2026-03-01', at)).toThrow(/in past/);
  });
});
