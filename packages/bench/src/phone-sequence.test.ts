import { describe, expect, it } from 'vitest';
import { phoneSequence } from './phone-sequence.ts';

describe('phoneSequence', () => {
  it('yields distinct mainland mobiles', () => {
    const next = phoneSequence();
    const phones = Array.from({ length: 10_000 }, () => next());
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) expect(phone).toMatch(/^1[3-9]\d{9}$/);
    expect(phones.slice(0, 2)).toEqual(['13900000000', '13900000001']);
  });

  it('keeps its prefix and starts where asked', () => {
    const next = phoneSequence('186', 42);
    expect(next()).toBe('18600000042');
  });

  it('stops instead of repeating once the 8-digit range is used up', () => {
    const next = phoneSequence('139', 99_999_999);
    expect(next()).toBe('13999999999');
    expect(() => next()).toThrow(RangeError);
  });

  it('rejects prefixes that are not mobile prefixes', () => {
    expect(() => phoneSequence('120')).toThrow(RangeError);
    expect(() => phoneSequence('1391')).toThrow(RangeError);
  });
});
