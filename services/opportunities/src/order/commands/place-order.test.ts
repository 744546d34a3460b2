import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { aQuoteLine } from '../../quote/fixtures.ts';
import type { QuoteStatus } from '../../quote/quote.ts';
import { orderDecider } from '../decide.ts';
import {
  anAcceptedQuote,
  anOrderPlaced,
  aPlacement,
  billingAddress,
  ids,
  theBuyer,
} from '../fixtures.ts';
import type { AddressInput } from '../rules/parties.ts';

const { given } = specification(orderDecider);

describe('PlaceOrder', () => {
  it('places the order of an accepted quote with everything an ERP needs', () => {
    given().when(aPlacement()).then(anOrderPlaced());
  });

  it('reprices and numbers the quote lines, mixed tax rates included', () => {
    const service = {
      ...aQuoteLine,
      lineId: 'l-2',
      productId: 'SVC-INSTALL',
      productName: '安装调试服务',
      quantity: 1,
      unitPrice: '8000.00',
      discountPercent: 0,
      taxRatePercent: 6,
    };
    given()
      .when(aPlacement({ quote: anAcceptedQuote({ lines: [aQuoteLine, service] }) }))
      .then(
        anOrderPlaced({
          lines: [
            { ...aQuoteLine, lineNumber: 1 },
            {
              ...service,
              grossAmount: '8000.00',
              discountAmount: '0.00',
              netAmount: '8000.00',
              taxAmount: '480.00',
              totalAmount: '8480.00',
              lineNumber: 2,
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

  it('computes amounts from the lines, whatever amounts the snapshot carried', () => {
    const tampered = { ...aQuoteLine, totalAmount: '1.00', taxAmount: '0.00' };
    given()
      .when(aPlacement({ quote: anAcceptedQuote({ lines: [tampered] }) }))
      .then(anOrderPlaced());
  });

  it('tidies what the application passes: taxpayer id, country, blanks, phones', () => {
    given()
      .when(
        aPlacement({
          customer: {
            customerId: ids.customer,
            name: ' 深圳示例科技有限公司 ',
            kind: 'company',
            taxId: ' 9144 0300 7084 6113 6t ',
            phone: '0755-12345678',
            bankName: '',
          },
          billingAddress: { province: '广东省', city: '深圳市', district: ' ', street: '科技园' },
          shippingAddress: { country: 'cn', province: '广东省', city: '东莞市' },
          recipient: { name: '赵工' },
          requestedDeliveryDate: '2026-04-15',
          note: ' 工作日送货 ',
        }),
      )
      .then(
        anOrderPlaced({
          customer: {
            customerId: ids.customer,
            name: '深圳示例科技有限公司',
            kind: 'company',
            taxId: '91440300708461136T',
            phone: '+8675512345678',
          },
          billingAddress: { country: 'CN', province: '广东省', city: '深圳市', street: '科技园' },
          shippingAddress: { country: 'CN', province: '广东省', city: '东莞市' },
          recipient: { name: '赵工' },
          requestedDeliveryDate: '2026-04-15',
          note: '工作日送货',
        }),
      );
  });

  it('places an order for a person without a taxpayer id or recipient', () => {
    const { recipient: _recipient, ...withoutRecipient } = aPlacement({
      customer: { customerId: ids.customer, name: '王芳', kind: 'person' },
    });
    const { recipient: _none, ...placed } = anOrderPlaced({
      customer: { customerId: ids.customer, name: '王芳', kind: 'person' },
    }).data;
    given().when(withoutRecipient).then({ type: 'OrderPlaced', data: placed });
  });

  it('refuses a second order for the quote: ORDER_ALREADY_PLACED, naming the first', () => {
    given(anOrderPlaced())
      .when(aPlacement({ orderNumber: 'SO-2026-000124' }))
      .thenThrows('ORDER_ALREADY_PLACED', {
        orderId: ids.order,
        orderNumber: ids.orderNumber,
        quoteId: ids.quote,
      });
  });

  it('refuses again after a cancellation: ORDER_ALREADY_PLACED (draft a new version)', () => {
    const cancelled = {
      type: 'OrderCancelled',
      data: {
        orderId: ids.order,
        orderNumber: ids.orderNumber,
        reason: '客户撤单',
        cancelledAt: '2026-03-02T02:00:00.000Z',
      },
    } as const;
    given(anOrderPlaced(), cancelled).when(aPlacement()).thenThrows('ORDER_ALREADY_PLACED');
  });

  it.each(['draft', 'issued', 'rejected', 'superseded'] as QuoteStatus[])(
    'refuses a quote that is %s: QUOTE_NOT_ACCEPTED',
    (status) => {
      given()
        .when(aPlacement({ quote: anAcceptedQuote({ status }) }))
        .thenThrows('QUOTE_NOT_ACCEPTED', { quoteId: ids.quote, status });
    },
  );

  it.each([
    [
      "another customer than the quote's",
      { customer: { ...theBuyer, customerId: 'cus-9999' } },
      { field: 'customer.customerId', reason: 'mismatch', expected: ids.customer },
    ],
    [
      'no buyer name',
      { customer: { ...theBuyer, name: ' ' } },
      { field: 'customer.name', reason: 'required' },
    ],
    [
      'a taxpayer id it cannot read',
      { customer: { ...theBuyer, taxId: '9144-0300' } },
      { field: 'customer.taxId', reason: 'malformed' },
    ],
    [
      'an unknown kind of buyer',
      { customer: { ...theBuyer, kind: 'partner' as 'company' } },
      { field: 'customer.kind', reason: 'malformed' },
    ],
    [
      'a buyer phone it cannot read',
      { customer: { ...theBuyer, phone: '12345' } },
      { field: 'customer.phone', reason: 'malformed', rejection: 'invalid_cn_number' },
    ],
    ['no order number', { orderNumber: '' }, { field: 'orderNumber', reason: 'required' }],
    ['no owner', { ownerId: ' ' }, { field: 'ownerId', reason: 'required' }],
    [
      'a billing address without a province',
      { billingAddress: { ...billingAddress, province: '' } },
      { field: 'billingAddress.province', reason: 'required' },
    ],
    [
      'a shipping address without a city',
      { shippingAddress: { province: '广东省' } as AddressInput },
      { field: 'shippingAddress.city', reason: 'required' },
    ],
    [
      'no shipping address at all',
      { shippingAddress: undefined as unknown as AddressInput },
      { field: 'shippingAddress', reason: 'required' },
    ],
    [
      'a country that is not a code',
      { billingAddress: { ...billingAddress, country: 'China' } },
      { field: 'billingAddress.country', reason: 'malformed' },
    ],
    [
      'a recipient without a name',
      { recipient: { name: '', phone: '13912345678' } },
      { field: 'recipient.name', reason: 'required' },
    ],
    [
      'a delivery date that does not exist',
      { requestedDeliveryDate: '2026-04-31' },
      { field: 'requestedDeliveryDate', reason: 'malformed' },
    ],
    [
      'an accepted quote without lines',
      { quote: anAcceptedQuote({ lines: [] }) },
      { field: 'quote.lines', reason: 'required' },
    ],
  ])('refuses %s: INVALID_FIELD', (_, overrides, details) => {
    given().when(aPlacement(overrides)).thenThrows('INVALID_FIELD', details);
  });
});
