import { describe, expect, it } from 'vitest';
import {
  addAmounts,
  applyDiscount,
  compareAmounts,
  isZeroAmount,
  multiplyByQuantity,
  percentOf,
  roundAmount,
  subtractAmounts,
  sumAmounts,
} from './money.ts';

describe('money', () => {
  it('writes every amount with two decimals, rounded half-up', () => {
    expect(roundAmount('12')).toBe('12.00');
    expect(roundAmount('0.125')).toBe('0.13');
    expect(roundAmount('0.1249')).toBe('0.12');
    expect(roundAmount('1.005')).toBe('1.01'); // (1.005).toFixed(2) gives "1.00"
  });

  it('adds and sums exactly', () => {
    expect(addAmounts('0.10', '0.20')).toBe('0.30');
    expect(sumAmounts([])).toBe('0.00');
    expect(sumAmounts(['0.01', '0.01', '0.01'])).toBe('0.03');
    expect(sumAmounts(['999999999999999.99', '0.01'])).toBe('1000000000000000.00');
    expect(subtractAmounts('100.00', '0.01')).toBe('99.99');
  });

  it('multiplies a unit price by a quantity, rounding the product to the fen', () => {
    expect(multiplyByQuantity('0.0350', 10000)).toBe('350.00');
    expect(multiplyByQuantity('0.0333', 3)).toBe('0.10'); // 0.0999
    expect(multiplyByQuantity('19.99', 2.5)).toBe('49.98'); // 49.975
    expect(multiplyByQuantity('1.15', 0.5)).toBe('0.58'); // 0.575
    expect(multiplyByQuantity('999999999999999.9999', 1)).toBe('1000000000000000.00');
  });

  it('takes a percentage, rounding half-up to the fen', () => {
    expect(percentOf('19000.00', 13)).toBe('2470.00');
    expect(percentOf('0.50', 13)).toBe('0.07'); // 0.065
    expect(percentOf('0.38', 13)).toBe('0.05'); // 0.0494
    expect(percentOf('100.00', 0)).toBe('0.00');
    expect(percentOf('100.00', 12.5)).toBe('12.50');
    expect(percentOf('33.33', 33.33)).toBe('11.11'); // 11.108889
  });

  it('applies a discount percent: the discount is rounded, the rest is what remains', () => {
    expect(applyDiscount('100.00', 10)).toBe('90.00');
    expect(applyDiscount('0.05', 50)).toBe('0.02'); // discount 0.025 → 0.03
    expect(applyDiscount('100.00', 100)).toBe('0.00');
    expect(applyDiscount('100.00', 0)).toBe('100.00');
  });

  it('compares amounts whatever their decimals', () => {
    expect(compareAmounts('1.5', '1.50')).toBe(0);
    expect(compareAmounts('1.49', '1.5')).toBe(-1);
    expect(compareAmounts('2', '1.99')).toBe(1);
    expect(isZeroAmount('0.00')).toBe(true);
    expect(isZeroAmount('0.01')).toBe(false);
  });

  it('treats an amount that is not a decimal as a bug, not as zero', () => {
    expect(() => roundAmount('12,5')).toThrow(TypeError);
    expect(() => multiplyByQuantity('1.00', Number.NaN)).toThrow(TypeError);
  });
});
