// Exact decimal arithmetic on bigint, so money is never a float: a Decimal is a whole number of
// 10^-scale units, e.g. 12.345 = { units: 12345n, scale: 3 }.

export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const plainDecimal = /^(\d+)(?:\.(\d+))?$/;

/** A plain non-negative decimal ("12", "0.035"); undefined for signs, exponents or anything else. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = plainDecimal.exec(text);
  if (!match) return undefined;
  const [, whole = '', fraction = ''] = match;
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

/** A number as the decimal it prints as: 0.1 is 0.1, not the binary 0.1000000000000000055…. */
export function decimalOfNumber(value: number): Decimal | undefined {
  // String() gives the shortest text that reads back as the same number; exponents do not parse.
  return Number.isFinite(value) ? parseDecimal(String(value)) : undefined;
}

const scaled = (value: Decimal, scale: number): bigint =>
  value.units * 10n ** BigInt(scale - value.scale);

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: scaled(a, scale) + scaled(b, scale), scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: scaled(a, scale) - scaled(b, scale), scale };
}

export const multiply = (a: Decimal, b: Decimal): Decimal => ({
  units: a.units * b.units,
  scale: a.scale + b.scale,
});

/** value × percent / 100, exactly. */
export const percentOf = (value: Decimal, percent: Decimal): Decimal => {
  const product = multiply(value, percent);
  return { units: product.units, scale: product.scale + 2 };
};

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const difference = scaled(a, scale) - scaled(b, scale);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** Rounds to `places` decimals, a half away from zero: half-up for the amounts here (≥ 0). */
export function roundHalfUp(value: Decimal, places: number): Decimal {
  if (value.scale <= places) return { units: scaled(value, places), scale: places };
  const divisor = 10n ** BigInt(value.scale - places);
  const magnitude = value.units < 0n ? -value.units : value.units;
  const quotient = magnitude / divisor;
  const rounded = (magnitude % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  return { units: value.units < 0n ? -rounded : rounded, scale: places };
}

/** The decimals it really has: 1.2500 has 2. */
export function decimalPlaces(value: Decimal): number {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return scale;
}

/** The digits before the point: 12345.6 has 5 (0.5 has 1). */
export function wholeDigits(value: Decimal): number {
  const magnitude = value.units < 0n ? -value.units : value.units;
  return String(magnitude / 10n ** BigInt(value.scale)).length;
}

/** As text with at least `minPlaces` decimals; zeros beyond them are dropped, nothing is rounded. */
export function formatDecimal(value: Decimal, minPlaces = 0): string {
  const places = Math.max(minPlaces, decimalPlaces(value));
  const units = value.scale <= places ? scaled(value, places) : roundHalfUp(value, places).units;
  const sign = units < 0n ? '-' : '';
  const digits = String(units < 0n ? -units : units).padStart(places + 1, '0');
  if (places === 0) return sign + digits;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
