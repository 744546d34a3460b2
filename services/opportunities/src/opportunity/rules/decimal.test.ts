import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  decimalOfNumber,
  decimalPlaces,
  formatDecimal,
  multiply,
  parseDecimal,
  percentOf,
  roundHalfUp,
  subtract,
  wholeDigits,
  type Decimal,
} from './decimal.ts';

const d = (text: string): Decimal => {
  const value = parseDecimal(text);
  if (value === undefined) throw new Error(`bad test value ${text}`);
  return value;
};
const text = (value: Decimal) => formatDecimal(value);

describe('decimal', () => {
  it('parses plain non-negative decimals only', () => {
    expect(parseDecimal('12.345')).toEqual({ units: 12345n, scale: 3 });
    expect(parseDecimal('007')).toEqual({ units: 7n, scale: 0 });
    for (const bad of ['', '-1', '+1', '1e3', '1.', '.5', '1,000', ' 1', 'NaN', '１２']) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
  });

  it('reads a number as the decimal it prints as, not its binary value', () => {
    expect(decimalOfNumber(0.1)).toEqual({ units: 1n, scale: 1 });
    expect(decimalOfNumber(2.5)).toEqual({ units: 25n, scale: 1 });
    expect(decimalOfNumber(1e-7)).toBeUndefined();
    expect(decimalOfNumber(Number.NaN)).toBeUndefined();
    expect(decimalOfNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('adds, subtracts and multiplies exactly where floats would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(text(add(d('0.1'), d('0.2')))).toBe('0.3');
    expect(text(subtract(d('1'), d('0.99')))).toBe('0.01');
    expect(text(multiply(d('1.1'), d('1.1')))).toBe('1.21');
    expect(text(percentOf(d('19000'), d('13')))).toBe('2470');
    expect(text(multiply(d('999999999999999.9999'), d('1000000000')))).toBe(
      '999999999999999999900000',
    );
  });

  it('rounds half up at the boundary and not below it', () => {
    expect(text(roundHalfUp(d('0.125'), 2))).toBe('0.13');
    expect(text(roundHalfUp(d('0.1249999'), 2))).toBe('0.12');
    expect(text(roundHalfUp(d('2.675'), 2))).toBe('2.68'); // a float would give 2.67
    expect(text(roundHalfUp(d('0.005'), 2))).toBe('0.01');
    expect(text(roundHalfUp(d('0.0049'), 2))).toBe('0');
    expect(roundHalfUp(d('7'), 2)).toEqual({ units: 700n, scale: 2 });
    expect(text(roundHalfUp(subtract(d('0'), d('0.125')), 2))).toBe('-0.13');
  });

  it('compares across scales', () => {
    expect(compare(d('1.50'), d('1.5'))).toBe(0);
    expect(compare(d('1.499'), d('1.5'))).toBe(-1);
    expect(compare(d('10'), d('9.9999'))).toBe(1);
  });

  it('counts the decimals and whole digits a value really has', () => {
    expect(decimalPlaces(d('1.2500'))).toBe(2);
    expect(decimalPlaces(d('100'))).toBe(0);
    expect(wholeDigits(d('12345.6'))).toBe(5);
    expect(wholeDigits(d('0.5'))).toBe(1);
  });

  it('writes at least the decimals asked for, dropping only trailing zeros beyond them', () => {
    expect(formatDecimal(d('12'), 2)).toBe('12.00');
    expect(formatDecimal(d('0.0350'), 2)).toBe('0.035');
    expect(formatDecimal(d('0.5'), 0)).toBe('0.5');
    expect(formatDecimal(d('0.000'), 2)).toBe('0.00');
  });
});
