import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { quoteDecider } from '../decide.ts';
import {
  aDraftedQuote,
  aDrafting,
  aLineInput,
  aQuoteLine,
  ids,
  itsTotals,
  noTotals,
} from '../fixtures.ts';

const { given } = specification(quoteDecider);

describe('DraftQuote', () => {
  it('drafts a version with priced lines and totals, VAT 13% by default, in CNY', () => {
    given().when(aDrafting()).then(aDraftedQuote());
  });

  it('drafts with mixed tax rates, a currency and a note', () => {
    given()
      .when(
        aDrafting({
          version: 2,
          currency: 'usd',
          note: ' 含安装调试 ',
          lines: [
            aLineInput,
            {
              lineId: 'l-2',
              productId: 'SVC-INSTALL',
              productName: '安装调试服务',
              quantity: 1,
              unitPrice: '8000',
              taxRatePercent: 6,
            },
          ],
        }),
      )
      .then(
        aDraftedQuote({
          version: 2,
          currency: 'USD',
          note: '含安装调试',
          lines: [
            aQuoteLine,
            {
              lineId: 'l-2',
              productId: 'SVC-INSTALL',
              productName: '安装调试服务',
              quantity: 1,
              unitPrice: '8000.00',
              discountPercent: 0,
              taxRatePercent: 6,
              grossAmount: '8000.00',
              discountAmount: '0.00',
              netAmount: '8000.00',
              taxAmount: '480.00',
              totalAmount: '8480.00',
            },
          ],
          totals: {
            subtotal: '108000.00',
            discount: '10000.00',
            net: '98000.00',
            tax: '12180.00',
            total: '110180.00',
          },
        }),
      );
  });

  it('drafts without lines, totals at zero, valid to the end of today', () => {
    const { lines: _lines, ...withoutLines } = aDrafting({ validUntil: '2026-03-02' });
    given()
      .when(withoutLines)
      .then(aDraftedQuote({ lines: [], totals: noTotals, validUntil: '2026-03-02' }));
  });

  it('keeps a zero tax rate (exports, exempt goods)', () => {
    given()
      .when(aDrafting({ lines: [{ ...aLineInput, taxRatePercent: 0 }] }))
      .then(
        aDraftedQuote({
          lines: [{ ...aQuoteLine, taxRatePercent: 0, taxAmount: '0.00', totalAmount: '90000.00' }],
          totals: { ...itsTotals, tax: '0.00', total: '90000.00' },
        }),
      );
  });

  it('refuses an id that is taken: QUOTE_ALREADY_EXISTS', () => {
    given(aDraftedQuote())
      .when(aDrafting())
      .thenThrows('QUOTE_ALREADY_EXISTS', { quoteId: ids.quote });
  });

  it.each([
    ['a version of 0', { version: 0 }, { field: 'version', reason: 'out_of_range' }],
    ['a fractional version', { version: 1.5 }, { field: 'version', reason: 'out_of_range' }],
    ['a past validity', { validUntil: '2026-03-01' }, { field: 'validUntil', reason: 'in_past' }],
    ['no validity', { validUntil: '' }, { field: 'validUntil', reason: 'required' }],
    ['no opportunity', { opportunityId: ' ' }, { field: 'opportunityId', reason: 'required' }],
    ['no customer', { customerId: '' }, { field: 'customerId', reason: 'required' }],
    [
      'a tax rate with three decimals',
      { lines: [{ ...aLineInput, taxRatePercent: 13.125 }] },
      { field: 'lines[0].taxRatePercent', reason: 'too_precise' },
    ],
    [
      'a tax rate above 100',
      { lines: [{ ...aLineInput, taxRatePercent: 113 }] },
      { field: 'lines[0].taxRatePercent', reason: 'out_of_range' },
    ],
    [
      'a line whose total with tax cannot be written down',
      { lines: [{ ...aLineInput, quantity: 1, discountPercent: 0, unitPrice: '999999999999999' }] },
      { field: 'lines[0]', reason: 'out_of_range' },
    ],
    [
      'lines adding up to too much',
      {
        lines: [
          { ...aLineInput, quantity: 1, discountPercent: 0, unitPrice: '800000000000000' },
          { ...aLineInput, lineId: 'l-2', quantity: 1, unitPrice: '800000000000000' },
        ],
      },
      { field: 'lines', reason: 'out_of_range' },
    ],
    [
      'a repeated line id',
      { lines: [aLineInput, aLineInput] },
      { field: 'lines[1].lineId', reason: 'duplicate' },
    ],
    [
      'a note over 2000 characters',
      { note: '注'.repeat(2001) },
      { field: 'note', reason: 'too_long' },
    ],
  ])('refuses %s: INVALID_FIELD', (_, overrides, details) => {
    given().when(aDrafting(overrides)).thenThrows('INVALID_FIELD', details);
  });
});
