// Bad input gets a 400 naming every bad field, before anything is decided or written.
import { describe, expect, it } from 'vitest';
import { openOpportunity } from '../testing/sales-client.ts';
import { expectProblem, useSalesTestApp } from '../testing/sales-test-app.ts';

const api = useSalesTestApp({}, 'all');

const fieldsOf = (body: Record<string, unknown>) =>
  (body.errors as { in: string; path: string }[]).map((error) => `${error.in}:${error.path}`);

describe('400 VALIDATION_FAILED', () => {
  it('names every bad field of an opening', async () => {
    const answer = await api.request('POST', '/opportunities', {
      body: {
        customerId: '',
        amount: '12.345',
        currency: 'yuan',
        expectedCloseDate: '2026-02-30x',
        lineItems: [
          { lineId: 'l-1', productId: 'p', productName: 'P', quantity: -1, unitPrice: 'ten' },
        ],
      },
    });
    const body = expectProblem(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual(
      expect.arrayContaining([
        'body:customerId',
        'body:name',
        'body:amount',
        'body:currency',
        'body:expectedCloseDate',
        'body:lineItems.0.quantity',
        'body:lineItems.0.unitPrice',
      ]),
    );
  });

  it('names a malformed If-Match header and a bad stage id', async () => {
    const { id } = await openOpportunity(api);
    const answer = await api.request('PUT', `/opportunities/${id}/stage`, {
      body: { stage: 'Proposal Stage' },
      headers: { 'if-match': 'yesterday' },
    });
    expect(fieldsOf(expectProblem(answer, 400, 'VALIDATION_FAILED'))).toEqual(
      expect.arrayContaining(['body:stage', 'headers:if-match']),
    );
  });

  it('refuses an unknown loss reason and a bad list query', async () => {
    const { id } = await openOpportunity(api);
    const lose = await api.request('POST', `/opportunities/${id}/lose`, {
      body: { reason: 'bad_luck' },
    });
    expect(fieldsOf(expectProblem(lose, 400, 'VALIDATION_FAILED'))).toEqual(['body:reason']);
    const list = await api.request('GET', '/opportunities?limit=0&closingFrom=soon');
    expect(fieldsOf(expectProblem(list, 400, 'VALIDATION_FAILED'))).toEqual(
      expect.arrayContaining(['querystring:limit', 'querystring:closingFrom']),
    );
  });

  it('names the address fields of an order and the quote lines of a draft', async () => {
    const order = await api.request('POST', '/orders', {
      body: { quoteId: 'q-1', billingAddress: { province: '上海' }, shippingAddress: {} },
    });
    expect(fieldsOf(expectProblem(order, 400, 'VALIDATION_FAILED'))).toEqual(
      expect.arrayContaining([
        'body:billingAddress.city',
        'body:shippingAddress.province',
        'body:shippingAddress.city',
      ]),
    );
    const { id } = await openOpportunity(api);
    const draft = await api.request('POST', `/opportunities/${id}/quotes`, {
      body: { lines: [{ lineId: 'l-1', taxRatePercent: 130 }] },
    });
    expect(fieldsOf(expectProblem(draft, 400, 'VALIDATION_FAILED'))).toEqual(
      expect.arrayContaining([
        'body:validUntil',
        'body:lines.0.productId',
        'body:lines.0.taxRatePercent',
      ]),
    );
  });
});
