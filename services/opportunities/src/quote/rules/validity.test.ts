import { describe, expect, it } from 'vitest';
import { isExpired } from './validity.ts';

describe('quote validity', () => {
  it('lasts to the end of the validUntil day in Asia/Shanghai', () => {
    expect(isExpired('2026-03-31', '2026-03-31T15:59:59.999Z')).toBe(false); // 23:59:59.999 +08
    expect(isExpired('2026-03-31', '2026-03-31T16:00:00.000Z')).toBe(true); // 00:00 on 1 April
    expect(isExpired('2026-03-31', '2026-04-01T07:59:00+08:00')).toBe(true);
    expect(isExpired('2026-03-31', '2026-03-01T00:00:00+08:00')).toBe(false);
  });
});
