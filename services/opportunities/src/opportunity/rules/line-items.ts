// Product lines as commands bring them: each field checked and named by its place in the list
// (lineItems[2].unitPrice), ids unique, then priced (pricing.ts). Quotes add a tax rate per line.
import type { LineItem } from '../opportunity.ts';
import { invalidField } from '../errors.ts';
import {
  normalisePercent,
  normaliseQuantity,
  normaliseUnitPrice,
  requireRepresentable,
} from './amount-fields.ts';
import { isList } from './lists.ts';
import { lineAmounts, type PricedLineInput } from './pricing.ts';
import { requiredText } from './text.ts';

export const maxLines = 200;

export interface LineItemInput {
  /** Chosen by the client, unique within the list. */
  lineId: string;
  productId: string;
  productName: string;
  /** Greater than 0, at most 4 decimals. */
  quantity: number;
  /** Excluding tax: a decimal string, at most 4 decimals. */
  unitPrice: string;
  /** 0-100, at most 2 decimals; 0 when absent. */
  discountPercent?: number;
}

export interface LineFields extends PricedLineInput {
  lineId: string;
  productId: string;
  productName: string;
}

/** The fields every kind of line shares, checked; `field` is the line's place, e.g. lines[2]. */
export function normaliseLineFields(field: string, line: LineItemInput): LineFields {
  return {
    lineId: requiredText(`${field}.lineId`, line.lineId, 100),
    productId: requiredText(`${field}.productId`, line.productId, 100),
    productName: requiredText(`${field}.productName`, line.productName, 200),
    quantity: normaliseQuantity(`${field}.quantity`, line.quantity),
    unitPrice: normaliseUnitPrice(`${field}.unitPrice`, line.unitPrice),
    discountPercent: normalisePercent(`${field}.discountPercent`, line.discountPercent ?? 0),
  };
}

/** At most maxLines lines with distinct ids, each checked by `normalise`. */
export function normaliseLines<Input, Line extends { lineId: string }>(
  field: string,
  lines: readonly Input[] | undefined,
  normalise: (lineField: string, line: Input) => Line,
): Line[] {
  const given = lines ?? [];
  if (!isList(given)) throw invalidField(field, 'malformed');
  if (given.length > maxLines) throw invalidField(field, 'too_many', { limit: maxLines });
  const normalised = given.map((line, index) => normalise(`${field}[${index}]`, line));
  const seen = new Set<string>();
  normalised.forEach(({ lineId }, index) => {
    if (seen.has(lineId)) {
      throw invalidField(`${field}[${index}].lineId`, 'duplicate', { value: lineId });
    }
    seen.add(lineId);
  });
  return normalised;
}

/** The opportunity's line items, priced (no tax: that is the quote's business). */
export const normaliseLineItems = (lines: readonly LineItemInput[] | undefined): LineItem[] =>
  normaliseLines('lineItems', lines, (field, line): LineItem => {
    const fields = normaliseLineFields(field, line);
    const { grossAmount, netAmount } = lineAmounts(fields);
    requireRepresentable(field, grossAmount);
    return { ...fields, netAmount };
  });

/** Same lines, same order, same values. */
export const sameLines = (a: readonly object[], b: readonly object[]): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
