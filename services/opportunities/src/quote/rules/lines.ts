// Quote lines: the opportunity's line fields plus a VAT rate, priced line by line and totalled
// (opportunity/rules/pricing.ts). Orders reprice the accepted quote's lines with the same rules.
import { normalisePercent, requireRepresentable } from '../../opportunity/rules/amount-fields.ts';
import {
  normaliseLineFields,
  normaliseLines,
  type LineItemInput,
} from '../../opportunity/rules/line-items.ts';
import { taxedLineAmounts, totalsOf, type Totals } from '../../opportunity/rules/pricing.ts';
import type { QuoteLine } from '../quote.ts';

/** The general VAT rate on goods in mainland China (增值税 13%). */
export const defaultTaxRatePercent = 13;

export interface QuoteLineInput extends LineItemInput {
  /** 0-100, at most 2 decimals; 13 when absent. */
  taxRatePercent?: number;
}

export function normaliseQuoteLine(field: string, line: QuoteLineInput): QuoteLine {
  const fields = normaliseLineFields(field, line);
  const taxRatePercent = normalisePercent(
    `${field}.taxRatePercent`,
    line.taxRatePercent ?? defaultTaxRatePercent,
  );
  const amounts = taxedLineAmounts({ ...fields, taxRatePercent });
  requireRepresentable(field, amounts.grossAmount);
  requireRepresentable(field, amounts.totalAmount);
  return { ...fields, taxRatePercent, ...amounts };
}

/** Checked, priced and totalled; `field` names the list in refusals (lines, quote.lines). */
export function priceQuoteLines(
  field: string,
  lines: readonly QuoteLineInput[] | undefined,
): { lines: QuoteLine[]; totals: Totals } {
  const priced = normaliseLines(field, lines, normaliseQuoteLine);
  const totals = totalsOf(priced);
  requireRepresentable(field, totals.subtotal);
  requireRepresentable(field, totals.total);
  return { lines: priced, totals };
}
