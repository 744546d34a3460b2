import { describe, expect, it } from 'vitest';
import { InvalidNamePrefix, uniqueName } from './unique-name.ts';

describe('uniqueName', () => {
  it('is the prefix, a time and a random part, valid for every engine', () => {
    expect(uniqueName('orders')).toMatch(/^orders_[0-9a-z]{8}_[0-9a-f]{8}$/);
  });

  it('never repeats', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueName('t')));
    expect(names.size).toBe(1000);
  });

  it('fits PostgreSQL identifiers (63 bytes) with the longest prefix', () => {
    expect(uniqueName('a'.repeat(45))).toHaveLength(63);
  });

  it.each(['', 'Orders', '1st', 'with-dash', 'with.dot', 'a'.repeat(46)])(
    'rejects the prefix %j',
    (prefix) => {
      expect(() => uniqueName(prefix)).toThrow(InvalidNamePrefix);
    },
  );
});
