// Quotes (versions, issue, accept, reject, supersede) and the order placed from an accepted one:
// OrderPlaced carries everything an ERP needs, the buyer's name from the local customer lookup.
import { describe, expect, it } from 'vitest';
import { aQuoteLine, itsTotals } from '../quote/fixtures.ts';
import { aLine, acceptedQuote, openOpportunity, write } from '../testing/sales-client.ts';
import { as, expectProblem, useSalesTestApp } from '../testing/sales-test-app.ts';

const api = useSalesTestApp({ now: '2026-05-20T02:00:00.000Z' });

const address = {
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  street: '世纪大道 100 号',
};
const anOrder = (quoteId: string) => ({
  quoteId,
  customer: {
    taxId: '91310000 MA1FL4XX1X',
    bankName: '招商银行上海分行',
    bankAccount: '1219 0000 0000',
  },
  billingAddress: address,
  shippingAddress: { ...address, street: '张江路 1 号', postalCode: '201203' },
  recipient: { name: '王工', phone: '13800138000' },
  requestedDeliveryDate: '2026-06-15',
});

describe('quotes', () => {
  it('drafts versions; a new version supersedes the one before', async () => {
    const { id } = await openOpportunity(api);
    const v1 = await write(api, 'POST', `/opportunities/${id}/quotes`, {
      lines: [aLine()],
      validUntil: '2026-06-30',
    });
    expect(v1.id).toBe(`${id}-v1`);
    await write(api, 'POST', `/quotes/${v1.id}/issue`);
    await write(api, 'POST', `/quotes/${v1.id}/reject`, { reason: '价格偏高' });
    const v2 = await write(api, 'POST', `/quotes/${v1.id}/supersede`, {
      lines: [aLine({ discountPercent: 15 })],
    });
    expect(v2.id).toBe(`${id}-v2`);
    const list = await api.request(
      'GET',
      `/opportunities/${id}/quotes?waitForPosition=${v2.position}`,
    );
    expect(list.body.items).toMatchObject([
      {
        _id: v2.id,
        version: 2,
        status: 'draft',
        validUntil: '2026-06-30',
        totals: { net: '85000.00', tax: '11050.00', total: '96050.00' },
      },
      {
        _id: v1.id,
        version: 1,
        status: 'superseded',
        supersededBy: v2.id,
        rejectionReason: '价格偏高',
      },
    ]);
  });

  it('updates a draft pinned to its ETag; a stale one and an issued one are 409', async () => {
    const { id } = await openOpportunity(api);
    const v1 = await write(api, 'POST', `/opportunities/${id}/quotes`, {
      validUntil: '2026-06-30',
    });
    expectProblem(await api.request('POST', `/quotes/${v1.id}/issue`), 422, 'QUOTE_LINES_REQUIRED');
    const update = { lines: [aLine()], validUntil: '2026-06-20', note: '含安装' };
    const updated = await api.request('PUT', `/quotes/${v1.id}`, {
      body: update,
      headers: { 'if-match': '"0"' },
    });
    expect(updated.status).toBe(200);
    const stale = await api.request('PUT', `/quotes/${v1.id}`, {
      body: update,
      headers: { 'if-match': '"0"' },
    });
    expectProblem(stale, 409, 'CONCURRENCY_CONFLICT');
    await write(api, 'POST', `/quotes/${v1.id}/issue`);
    expectProblem(
      await api.request('PUT', `/quotes/${v1.id}`, { body: update }),
      409,
      'QUOTE_NOT_DRAFT',
    );
  });

  it('refuses a validity in the past (422) and an acceptance after it (409 QUOTE_EXPIRED)', async () => {
    const { id } = await openOpportunity(api);
    const past = await api.request('POST', `/opportunities/${id}/quotes`, {
      body: { validUntil: '2026-05-19' },
    });
    expect(expectProblem(past, 422, 'INVALID_FIELD')).toMatchObject({
      details: { field: 'validUntil', reason: 'in_past' },
    });
    const v1 = await write(api, 'POST', `/opportunities/${id}/quotes`, {
      lines: [aLine()],
      validUntil: '2026-05-31',
    });
    await write(api, 'POST', `/quotes/${v1.id}/issue`);
    api.setNow('2026-05-31T16:00:00.000Z');
    expectProblem(await api.request('POST', `/quotes/${v1.id}/accept`), 409, 'QUOTE_EXPIRED');
  });

  it('keeps an accepted quote: no new version after it (409 QUOTE_ALREADY_ACCEPTED)', async () => {
    const { id } = await openOpportunity(api);
    await acceptedQuote(api, id);
    const next = await api.request('POST', `/opportunities/${id}/quotes`, {
      body: { validUntil: '2026-06-30' },
    });
    expectProblem(next, 409, 'QUOTE_ALREADY_ACCEPTED');
  });
});

describe('orders', () => {
  it('places the order of an accepted quote with everything an ERP needs', async () => {
    const { id: opportunityId } = await openOpportunity(api);
    const quoteId = await acceptedQuote(api, opportunityId);
    const placed = await api.request('POST', '/orders', { body: anOrder(quoteId) });
    expect(placed.status).toBe(201);
    const orderId = placed.body.id as string;
    expect(orderId).toBe(`ord-${quoteId}`);
    expect(placed.headers.location).toBe(`/orders/${orderId}`);

    const [event] = await api.eventStore.readStream(`order-${orderId}`);
    expect(event?.type).toBe('OrderPlaced');
    expect(event?.data).toEqual({
      orderId,
      orderNumber: 'SO-20260520-0001',
      quoteId,
      quoteVersion: 1,
      opportunityId,
      customer: {
        customerId: 'cus-1',
        name: '上海华东机械有限公司',
        kind: 'company',
        taxId: '91310000MA1FL4XX1X',
        bankName: '招商银行上海分行',
        bankAccount: '1219 0000 0000',
      },
      billingAddress: { country: 'CN', ...address },
      shippingAddress: { country: 'CN', ...address, street: '张江路 1 号', postalCode: '201203' },
      recipient: { name: '王工', phone: '+8613800138000' },
      ownerId: 'u-rep-1',
      currency: 'CNY',
      lines: [{ lineNumber: 1, ...aQuoteLine }],
      totals: itsTotals,
      requestedDeliveryDate: '2026-06-15',
      placedAt: '2026-05-20T02:00:00.000Z',
    });

    const read = await api.request('GET', `/orders/${orderId}?waitForRevision=0`);
    expect(read.body).toMatchObject({
      _id: orderId,
      status: 'placed',
      customerId: 'cus-1',
      orderNumber: 'SO-20260520-0001',
    });
    const perCustomer = await api.request(
      'GET',
      `/orders?customerId=cus-1&waitForPosition=${Number(placed.body.position)}`,
    );
    expect((perCustomer.body.items as { _id: string }[]).map((order) => order._id)).toEqual([
      orderId,
    ]);
  });

  it('places one order per quote (409 ORDER_ALREADY_PLACED), only from an accepted one', async () => {
    const { id } = await openOpportunity(api);
    const draft = await write(api, 'POST', `/opportunities/${id}/quotes`, {
      lines: [aLine()],
      validUntil: '2026-06-30',
    });
    const early = await api.request('POST', '/orders', { body: anOrder(draft.id) });
    expect(expectProblem(early, 409, 'QUOTE_NOT_ACCEPTED')).toMatchObject({
      details: { status: 'draft' },
    });
    await write(api, 'POST', `/quotes/${draft.id}/issue`);
    await write(api, 'POST', `/quotes/${draft.id}/accept`);
    await write(api, 'POST', '/orders', anOrder(draft.id));
    const twice = await api.request('POST', '/orders', { body: anOrder(draft.id) });
    expectProblem(twice, 409, 'ORDER_ALREADY_PLACED');
  });

  it('numbers orders per day and takes the buyer name given when the lookup lacks it', async () => {
    const first = await openOpportunity(api);
    await write(api, 'POST', '/orders', anOrder(await acceptedQuote(api, first.id)));
    const second = await openOpportunity(api, { customerId: 'cus-new' });
    const quoteId = await acceptedQuote(api, second.id);
    const unknown = await api.request('POST', '/orders', { body: anOrder(quoteId) });
    expectProblem(unknown, 422, 'CUSTOMER_NOT_KNOWN');
    const named = anOrder(quoteId);
    const placed = await write(api, 'POST', '/orders', {
      ...named,
      customer: { ...named.customer, name: '新客户有限公司' },
    });
    const [event] = await api.eventStore.readStream(`order-${placed.id}`);
    expect(event?.data).toMatchObject({
      orderNumber: 'SO-20260520-0002',
      customer: { name: '新客户有限公司' },
    });
  });

  it('fulfils or cancels once; not the other after (409); out of reach is 404', async () => {
    const { id } = await openOpportunity(api);
    const order = await write(api, 'POST', '/orders', anOrder(await acceptedQuote(api, id)));
    expectProblem(
      await api.request('POST', `/orders/${order.id}/fulfil`, { as: as.rep3, body: {} }),
      404,
      'ORDER_NOT_FOUND',
    );
    expectProblem(
      await api.request('GET', `/orders/${order.id}`, { as: as.rep2 }),
      404,
      'ORDER_NOT_FOUND',
    );
    const fulfilled = await write(api, 'POST', `/orders/${order.id}/fulfil`, {
      reference: 'CK-2026-0001',
    });
    expect(
      (await api.request('GET', `/orders/${order.id}?waitForRevision=${fulfilled.revision}`)).body,
    ).toMatchObject({
      status: 'fulfilled',
      fulfilmentReference: 'CK-2026-0001',
    });
    expectProblem(
      await api.request('POST', `/orders/${order.id}/cancel`, { body: { reason: '客户取消' } }),
      409,
      'ORDER_FULFILLED',
    );
  });

  it('lets exactly one of two simultaneous placements of a quote win (the other 409)', async () => {
    const { id } = await openOpportunity(api);
    const quoteId = await acceptedQuote(api, id);
    const answers = await Promise.all([
      api.request('POST', '/orders', { body: anOrder(quoteId) }),
      api.request('POST', '/orders', { body: anOrder(quoteId) }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body.code).toBe('ORDER_ALREADY_PLACED');
    expect(await api.eventStore.readStream(`order-ord-${quoteId}`)).toHaveLength(1);
  });
});
