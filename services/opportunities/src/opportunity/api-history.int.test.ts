// An opportunity's history (its own facts and its quotes' and orders'), and the record as it was
// at a time, folded from the log.
import { describe, expect, it } from 'vitest';
import { acceptedQuote, openOpportunity, write } from '../testing/sales-client.ts';
import { useSalesTestApp } from '../testing/sales-test-app.ts';

const api = useSalesTestApp();

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('GET /opportunities/{id}/history', () => {
  it('lists the facts of the opportunity, its quotes and its order, in order', async () => {
    const { id } = await openOpportunity(api);
    await write(api, 'PUT', `/opportunities/${id}/stage`, { stage: 'proposal' });
    const quoteId = await acceptedQuote(api, id);
    const order = await write(api, 'POST', '/orders', {
      quoteId,
      billingAddress: { province: '上海市', city: '上海市' },
      shippingAddress: { province: '上海市', city: '上海市' },
    });
    const cancelled = await write(api, 'POST', `/orders/${order.id}/cancel`, {
      reason: '重复下单',
    });
    const answer = await api.request(
      'GET',
      `/opportunities/${id}/history?waitForPosition=${cancelled.position}`,
    );
    expect(answer.status).toBe(200);
    expect(
      (answer.body.items as { aggregate: string; type: string; actor: string }[]).map(
        (entry) => `${entry.aggregate}:${entry.type}:${entry.actor}`,
      ),
    ).toEqual([
      'opportunity:OpportunityOpened:u-rep-1',
      'opportunity:StageChanged:u-rep-1',
      'quote:QuoteDrafted:u-rep-1',
      'quote:QuoteIssued:u-rep-1',
      'quote:QuoteAccepted:u-rep-1',
      'order:OrderPlaced:u-rep-1',
      'order:OrderCancelled:u-rep-1',
    ]);
    const newestFirst = await api.request('GET', `/opportunities/${id}/history?order=desc&limit=2`);
    expect((newestFirst.body.items as { type: string }[]).map((entry) => entry.type)).toEqual([
      'OrderCancelled',
      'OrderPlaced',
    ]);
    expect(newestFirst.body.nextCursor).toEqual(expect.any(String));
  });
});

describe('GET /opportunities/{id}?asOf=', () => {
  it('answers the opportunity as it was then, with the ETag of that revision', async () => {
    const { id } = await openOpportunity(api);
    await pause();
    const between = new Date().toISOString();
    await pause();
    await write(api, 'PUT', `/opportunities/${id}/stage`, { stage: 'negotiation' });
    const then = await api.request('GET', `/opportunities/${id}?asOf=${between}`);
    expect(then.headers.etag).toBe('"0"');
    expect(then.body).toMatchObject({ stage: 'qualification', revision: 0, asOf: between });
    const now = await api.request('GET', `/opportunities/${id}?waitForRevision=1`);
    expect(now.headers.etag).toBe('"1"');
    expect(now.body).toMatchObject({ stage: 'negotiation', weightedAmount: '80000.00' });
    const before = await api.request('GET', `/opportunities/${id}?asOf=2000-01-01T00:00:00Z`);
    expect(before.status).toBe(404);
  });
});
