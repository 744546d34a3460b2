// Numbers as commands bring them, checked and written the one way events carry them. Amounts are
// at most 15 whole digits (the contracts' limit); each kind of number has its own decimals.
import { invalidField } from '../errors.ts';
import {
  compare,
  decimalOfNumber,
  decimalPlaces,
  formatDecimal,
  parseDecimal,
  wholeDigits,
  type Decimal,
} from './decimal.ts';

export const maxWholeDigits = 15;
export const maxUnitPriceDecimals = 4;
export const maxQuantity = 1_000_000_000;
export const maxQuantityDecimals = 4;
export const maxPercentDecimals = 2;

function decimalText(field: string, value: unknown): Decimal {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw invalidField(field, 'required');
  }
  const parsed = typeof value === 'string' ? parseDecimal(value.trim()) : undefined;
  if (parsed === undefined) throw invalidField(field, 'malformed', { value });
  if (wholeDigits(parsed) > maxWholeDigits) {
    throw invalidField(field, 'out_of_range', { value, max: '999999999999999.99' });
  }
  return parsed;
}

function requireDecimals(field: string, value: unknown, parsed: Decimal, max: number): void {
  if (decimalPlaces(parsed) > max)
    throw invalidField(field, 'too_precise', { value, maxDecimals: max });
}

/** An amount of money: a decimal string, at most 2 decimals, written with exactly 2. */
export function normaliseAmount(field: string, value: unknown): string {
  const parsed = decimalText(field, value);
  requireDecimals(field, value, parsed, 2);
  return formatDecimal(parsed, 2);
}

/** A unit price: a decimal string, at most 4 decimals, written with 2 to 4 ("12.5" → "12.50"). */
export function normaliseUnitPrice(field: string, value: unknown): string {
  const parsed = decimalText(field, value);
  requireDecimals(field, value, parsed, maxUnitPriceDecimals);
  return formatDecimal(parsed, 2);
}

interface Range {
  min: number;
  max: number;
  /** Whether min itself is allowed. */
  minIncluded: boolean;
  maxDecimals: number;
}

function decimalNumber(field: string, value: unknown, range: Range): number {
  if (value === undefined || value === null) throw invalidField(field, 'required');
  const parsed = typeof value === 'number' ? decimalOfNumber(Math.abs(value)) : undefined;
  if (typeof value !== 'number' || parsed === undefined) {
    throw invalidField(field, 'malformed', { value });
  }
  const { min, max } = range;
  const belowMin = range.minIncluded ? value < min : value <= min;
  if (belowMin || compare(parsed, { units: BigInt(max), scale: 0 }) > 0) {
    throw invalidField(field, 'out_of_range', { value, min, max });
  }
  requireDecimals(field, value, parsed, range.maxDecimals);
  return value === 0 ? 0 : value; // -0 is 0
}

/** A quantity: a number greater than 0, at most 1,000,000,000, at most 4 decimals. */
export const normaliseQuantity = (field: string, value: unknown): number =>
  decimalNumber(field, value, {
    min: 0,
    max: maxQuantity,
    minIncluded: false,
    maxDecimals: maxQuantityDecimals,
  });

/** A percentage (discount, tax rate): 0 to 100, at most 2 decimals. */
export const normalisePercent = (field: string, value: unknown): number =>
  decimalNumber(field, value, {
    min: 0,
    max: 100,
    minIncluded: true,
    maxDecimals: maxPercentDecimals,
  });

/** An ISO 4217 code, upper-cased; CNY when absent. */
export function normaliseCurrency(value: string | undefined): string {
  if (value === undefined) return 'CNY';
  const currency = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw invalidField('currency', 'malformed', { value });
  return currency;
}

/** A computed amount that outgrew the contracts' 15 whole digits: the inputs were too large. */
export function requireRepresentable(field: string, amount: string): void {
  const parsed = parseDecimal(amount);
  if (parsed === undefined || wholeDigits(parsed) > maxWholeDigits) {
    throw invalidField(field, 'out_of_range', { value: amount, max: '999999999999999.99' });
  }
}
