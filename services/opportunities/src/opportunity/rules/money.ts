// Money as the events carry it: decimal strings in major units, e.g. "11300.00". Computed amounts
// are rounded half-up to the fen (2 decimals) once per line and then summed, as VAT invoices are
// (税额 per line); unit prices may keep up to 4 decimals. All arithmetic is exact (decimal.ts).
import {
  add,
  compare,
  decimalOfNumber,
  formatDecimal,
  multiply,
  parseDecimal,
  percentOf as exactPercentOf,
  roundHalfUp,
  subtract,
  type Decimal,
} from './decimal.ts';

/** Decimals of every computed amount: the fen. */
export const amountDecimals = 2;

// Amounts reaching here were validated on the way in (amount-fields.ts); a bad one is a bug.
function decimal(text: string): Decimal {
  const value = parseDecimal(text);
  if (value === undefined) throw new TypeError(`not a decimal amount: ${text}`);
  return value;
}

function decimalOf(value: number): Decimal {
  const parsed = decimalOfNumber(value);
  if (parsed === undefined) throw new TypeError(`not a plain decimal number: ${value}`);
  return parsed;
}

const toAmount = (value: Decimal): string =>
  formatDecimal(roundHalfUp(value, amountDecimals), amountDecimals);

/** The amount written with exactly two decimals, rounded half-up: "12" → "12.00", "0.125" → "0.13". */
export const roundAmount = (amount: string): string => toAmount(decimal(amount));

export const addAmounts = (a: string, b: string): string => toAmount(add(decimal(a), decimal(b)));

/** The sum of the amounts; "0.00" for none. */
export const sumAmounts = (amounts: readonly string[]): string =>
  amounts.reduce(addAmounts, '0.00');

/** a - b; callers only subtract a part from its whole, so the result is never negative. */
export const subtractAmounts = (a: string, b: string): string =>
  toAmount(subtract(decimal(a), decimal(b)));

/** unitPrice × quantity, rounded half-up to the fen. */
export const multiplyByQuantity = (unitPrice: string, quantity: number): string =>
  toAmount(multiply(decimal(unitPrice), decimalOf(quantity)));

/** amount × percent / 100, rounded half-up to the fen: a discount, a tax or a weighting. */
export const percentOf = (amount: string, percent: number): string =>
  toAmount(exactPercentOf(decimal(amount), decimalOf(percent)));

/** The amount less the discount percent, the discount rounded half-up to the fen first. */
export const applyDiscount = (amount: string, discountPercent: number): string =>
  subtractAmounts(amount, percentOf(amount, discountPercent));

export const compareAmounts = (a: string, b: string): -1 | 0 | 1 => compare(decimal(a), decimal(b));

export const isZeroAmount = (amount: string): boolean => compareAmounts(amount, '0') === 0;
