import { DomainError } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import {
  normaliseAmount,
  normaliseCurrency,
  normalisePercent,
  normaliseQuantity,
  normaliseUnitPrice,
  requireRepresentable,
} from './amount-fields.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, ...error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('amount fields', () => {
  it('writes amounts with two decimals and refuses a third', () => {
    expect(normaliseAmount('amount', ' 5000000 ')).toBe('5000000.00');
    expect(normaliseAmount('amount', '0.5')).toBe('0.50');
    expect(normaliseAmount('amount', '12.300')).toBe('12.30');
    expect(refusal(() => normaliseAmount('amount', '12.345'))).toEqual({
      code: 'INVALID_FIELD',
      field: 'amount',
      reason: 'too_precise',
      value: '12.345',
      maxDecimals: 2,
    });
  });

  it.each([
    ['', 'required'],
    [undefined, 'required'],
    ['-1', 'malformed'],
    ['1e6', 'malformed'],
    ['12,5', 'malformed'],
    [1200, 'malformed'],
    ['1000000000000000', 'out_of_range'],
  ])('refuses the amount %j: %s', (value, reason) => {
    expect(refusal(() => normaliseAmount('amount', value))).toMatchObject({ reason });
  });

  it('keeps up to four decimals of a unit price', () => {
    expect(normaliseUnitPrice('unitPrice', '12.5')).toBe('12.50');
    expect(normaliseUnitPrice('unitPrice', '0.0350')).toBe('0.035');
    expect(refusal(() => normaliseUnitPrice('unitPrice', '0.00001'))).toMatchObject({
      reason: 'too_precise',
      maxDecimals: 4,
    });
  });

  it('takes quantities above 0 with up to four decimals', () => {
    expect(normaliseQuantity('quantity', 2.5)).toBe(2.5);
    expect(normaliseQuantity('quantity', 1_000_000_000)).toBe(1_000_000_000);
    expect(refusal(() => normaliseQuantity('quantity', 0))).toMatchObject({
      reason: 'out_of_range',
      min: 0,
    });
    expect(refusal(() => normaliseQuantity('quantity', -1))).toMatchObject({
      reason: 'out_of_range',
    });
    expect(refusal(() => normaliseQuantity('quantity', 1_000_000_001))).toMatchObject({
      reason: 'out_of_range',
    });
    expect(refusal(() => normaliseQuantity('quantity', 0.00001))).toMatchObject({
      reason: 'too_precise',
    });
    expect(refusal(() => normaliseQuantity('quantity', 1e-7))).toMatchObject({
      reason: 'malformed', // prints as an exponent: far below any real quantity
    });
    expect(refusal(() => normaliseQuantity('quantity', 1.23456))).toMatchObject({
      reason: 'too_precise',
    });
    expect(refusal(() => normaliseQuantity('quantity', '2'))).toMatchObject({
      reason: 'malformed',
    });
  });

  it('takes percentages from 0 to 100 with up to two decimals', () => {
    expect(normalisePercent('discountPercent', 0)).toBe(0);
    expect(Object.is(normalisePercent('discountPercent', -0), 0)).toBe(true);
    expect(normalisePercent('discountPercent', 12.5)).toBe(12.5);
    expect(normalisePercent('discountPercent', 100)).toBe(100);
    expect(refusal(() => normalisePercent('discountPercent', 100.01))).toMatchObject({
      reason: 'out_of_range',
      max: 100,
    });
    expect(refusal(() => normalisePercent('discountPercent', -5))).toMatchObject({
      reason: 'out_of_range',
    });
    expect(refusal(() => normalisePercent('discountPercent', 33.333))).toMatchObject({
      reason: 'too_precise',
      maxDecimals: 2,
    });
  });

  it('upper-cases a currency, CNY by default', () => {
    expect(normaliseCurrency(undefined)).toBe('CNY');
    expect(normaliseCurrency(' usd ')).toBe('USD');
    expect(refusal(() => normaliseCurrency('RMB1'))).toMatchObject({
      field: 'currency',
      reason: 'malformed',
    });
  });

  it('refuses a computed amount beyond 15 whole digits', () => {
    expect(() => requireRepresentable('lines', '999999999999999.99')).not.toThrow();
    expect(refusal(() => requireRepresentable('lines', '1000000000000000.00'))).toMatchObject({
      field: 'lines',
      reason: 'out_of_range',
    });
  });
});
