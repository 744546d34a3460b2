import { describe, expect, it } from 'vitest';
import { lineAmounts, taxedLineAmounts, totalsOf } from './pricing.ts';

describe('pricing', () => {
  it('prices a line: gross, discount, net', () => {
    expect(lineAmounts({ quantity: 2, unitPrice: '50000.00', discountPercent: 10 })).toEqual({
      grossAmount: '100000.00',
      discountAmount: '10000.00',
      netAmount: '90000.00',
    });
  });

  it('adds VAT on the net amount, per line', () => {
    const line = { quantity: 2, unitPrice: '10000.00', discountPercent: 5, taxRatePercent: 13 };
    expect(taxedLineAmounts(line)).toEqual({
      grossAmount: '20000.00',
      discountAmount: '1000.00',
      netAmount: '19000.00',
      taxAmount: '2470.00',
      totalAmount: '21470.00',
    });
  });

  it('rounds each amount of a line half-up to the fen, in order', () => {
    const line = { quantity: 3, unitPrice: '0.3350', discountPercent: 2.5, taxRatePercent: 6 };
    // gross 1.005 → 1.01; discount 0.02525 → 0.03; net 0.98; tax 0.0588 → 0.06
    expect(taxedLineAmounts(line)).toEqual({
      grossAmount: '1.01',
      discountAmount: '0.03',
      netAmount: '0.98',
      taxAmount: '0.06',
      totalAmount: '1.04',
    });
  });

  it('totals the rounded line amounts, so the totals always add up', () => {
    // Three lines whose tax is 0.065 each: per line 0.07, so 0.21 (on the sum it would be 0.20).
    const line = { quantity: 1, unitPrice: '0.50', discountPercent: 0, taxRatePercent: 13 };
    const lines = [line, line, line].map(taxedLineAmounts);
    const totals = totalsOf(lines);
    expect(totals).toEqual({
      subtotal: '1.50',
      discount: '0.00',
      net: '1.50',
      tax: '0.21',
      total: '1.71',
    });
  });

  it('handles mixed tax rates, a free line and a full discount', () => {
    const lines = [
      { quantity: 10, unitPrice: '1200.00', discountPercent: 15, taxRatePercent: 13 }, // goods
      { quantity: 1, unitPrice: '8000.00', discountPercent: 0, taxRatePercent: 6 }, // service
      { quantity: 1, unitPrice: '500.00', discountPercent: 100, taxRatePercent: 13 }, // gift
      { quantity: 5, unitPrice: '0.00', discountPercent: 0, taxRatePercent: 0 }, // samples
    ].map(taxedLineAmounts);
    expect(totalsOf(lines)).toEqual({
      subtotal: '20500.00',
      discount: '2300.00',
      net: '18200.00',
      tax: '1806.00',
      total: '20006.00',
    });
  });

  it('totals no lines as zero', () => {
    expect(totalsOf([])).toEqual({
      subtotal: '0.00',
      discount: '0.00',
      net: '0.00',
      tax: '0.00',
      total: '0.00',
    });
  });
});
