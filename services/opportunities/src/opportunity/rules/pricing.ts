// How a line is priced and lines are totalled, for opportunities, quotes and orders alike:
//   gross    = quantity × unitPrice                 (rounded half-up to the fen)
//   discount = gross × discountPercent / 100        (rounded half-up to the fen)
//   net      = gross - discount                     (不含税金额)
//   tax      = net × taxRatePercent / 100           (rounded half-up to the fen, 税额)
//   total    = net + tax                            (价税合计)
// Totals are the sums of the rounded line amounts, so they always add up: the way VAT invoices
// are computed, line by line. Unit prices exclude tax.
import { addAmounts, multiplyByQuantity, percentOf, subtractAmounts, sumAmounts } from './money.ts';

export interface PricedLineInput {
  quantity: number;
  unitPrice: string;
  discountPercent: number;
}

export interface LineAmounts {
  grossAmount: string;
  discountAmount: string;
  netAmount: string;
}

export interface TaxedLineAmounts extends LineAmounts {
  taxAmount: string;
  totalAmount: string;
}

export interface Totals {
  subtotal: string;
  discount: string;
  net: string;
  tax: string;
  total: string;
}

export function lineAmounts(line: PricedLineInput): LineAmounts {
  const grossAmount = multiplyByQuantity(line.unitPrice, line.quantity);
  const discountAmount = percentOf(grossAmount, line.discountPercent);
  return { grossAmount, discountAmount, netAmount: subtractAmounts(grossAmount, discountAmount) };
}

export function taxedLineAmounts(
  line: PricedLineInput & { taxRatePercent: number },
): TaxedLineAmounts {
  const amounts = lineAmounts(line);
  const taxAmount = percentOf(amounts.netAmount, line.taxRatePercent);
  return { ...amounts, taxAmount, totalAmount: addAmounts(amounts.netAmount, taxAmount) };
}

export function totalsOf(lines: readonly TaxedLineAmounts[]): Totals {
  const sum = (amount: (line: TaxedLineAmounts) => string) => sumAmounts(lines.map(amount));
  return {
    subtotal: sum((line) => line.grossAmount),
    discount: sum((line) => line.discountAmount),
    net: sum((line) => line.netAmount),
    tax: sum((line) => line.taxAmount),
    total: sum((line) => line.totalAmount),
  };
}
